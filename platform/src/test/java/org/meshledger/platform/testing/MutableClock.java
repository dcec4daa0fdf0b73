package org.meshledger.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The query side's "now", moved by tests: it follows the real clock, plus whatever time the test has skipped. */
public final class MutableClock extends Clock {

    private volatile Duration skipped = Duration.ZERO;

    public void skip(Duration duration) {
        skipped = skipped.plus(duration);
    }

    public void reset() {
        skipped = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(skipped);
    }
}
