package dev.parley.eventsconsumer.metrics;

import dev.parley.eventsconsumer.web.InvalidQueryParameterException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The width of the buckets a metrics query answers; minutes are stored, hours and days sum them (UTC). */
enum Granularity {
    MINUTE(ChronoUnit.MINUTES, Duration.ofHours(1)),
    HOUR(ChronoUnit.HOURS, Duration.ofDays(1)),
    DAY(ChronoUnit.DAYS, Duration.ofDays(30));

    private final ChronoUnit unit;
    private final Duration defaultWindow;

    Granularity(ChronoUnit unit, Duration defaultWindow) {
        this.unit = unit;
        this.defaultWindow = defaultWindow;
    }

    static Granularity parse(String value) {
        if (value == null || value.isEmpty()) {
            return HOUR;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryParameterException("granularity", "must be minute, hour or day but was '"
                    + (value.length() > 32 ? value.substring(0, 32) + "..." : value) + "'");
        }
    }

    /** The name PostgreSQL's {@code date_trunc} and the API use. */
    String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    Duration width() {
        return unit.getDuration();
    }

    /** The window a query without {@code from} covers. */
    Duration defaultWindow() {
        return defaultWindow;
    }

    Instant floor(Instant instant) {
        return instant.truncatedTo(unit);
    }

    Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? instant : floor.plus(width());
    }
}
