package dev.parley.loguploader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests control: it follows real time shifted by an offset, or stands still at a frozen instant. Moving it
 * forward is how tests walk a 16-hour retry schedule in seconds.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    @Override
    public Instant instant() {
        Instant stopped = frozen;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    /** Stops the clock at its current time. */
    public synchronized void freeze() {
        frozen = instant();
    }

    /** Sets the (frozen) clock to this instant; never backwards. */
    public synchronized void set(Instant instant) {
        if (frozen == null) {
            throw new IllegalStateException("freeze the clock before setting it");
        }
        if (instant.isAfter(frozen)) {
            frozen = instant;
        }
    }

    /** Moves the clock forward, frozen or not. */
    public synchronized void advance(Duration duration) {
        if (frozen != null) {
            frozen = frozen.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Lets the clock run again from where it stands. */
    public synchronized void resume() {
        if (frozen != null) {
            offset = Duration.between(Instant.now(), frozen);
            frozen = null;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }
}
