package dev.parley.eventsconsumer.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses the query API's parameters, each failure naming the parameter, the rule and the value. */
public final class QueryParameters {

    /** Ids in paths and filters: what orgs, bots, versions and sessions are named with. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Instants outside this range are surely mistakes (and some are beyond PostgreSQL's). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private QueryParameters() {
    }

    /** A required id (path segment). */
    public static String id(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidQueryParameterException(name, "must be 1-128 characters of [A-Za-z0-9._:-] but was '"
                    + clip(value) + "'");
        }
        return value;
    }

    /** An optional id filter: {@code null} or blank means no filter. */
    public static String optionalId(String name, String value) {
        return value == null || value.isEmpty() ? null : id(name, value);
    }

    /** An optional ISO-8601 instant ({@code 2026-05-01T10:00:00Z}, or with an offset). */
    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryParameterException(name, "must be an ISO-8601 date-time with an offset, such as "
                    + "2026-05-01T10:00:00Z, but was '" + clip(value) + "'");
        } catch (DateTimeException e) {
            throw new InvalidQueryParameterException(name, "is out of range: '" + clip(value) + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidQueryParameterException(name, "must be between " + EARLIEST + " and " + LATEST
                    + " but was " + instant);
        }
        return instant;
    }

    /** Checks that a window is not reversed or empty; either end may be open ({@code null}). */
    public static void window(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryParameterException("from", "must be before to, but from=" + from + " and to=" + to);
        }
    }

    /** A zero-based page number. */
    public static int page(String value) {
        int page = integer("page", value, 0);
        if (page < 0 || page > 100_000) {
            throw new InvalidQueryParameterException("page", "must be within 0..100000 but was " + page);
        }
        return page;
    }

    /** A page size within 1..max. */
    public static int size(String value, int defaultSize, int max) {
        int size = integer("size", value, defaultSize);
        if (size < 1 || size > max) {
            throw new InvalidQueryParameterException("size", "must be within 1.." + max + " but was " + size);
        }
        return size;
    }

    private static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryParameterException(name, "must be an integer but was '" + clip(value) + "'");
        }
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
