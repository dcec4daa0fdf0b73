package org.meshledger.query.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.meshledger.query.ownershiphistory.OwnershipPeriod;

/**
 * Owner periods as bars on one business-time axis, in percent of its width. The axis runs from the first known
 * start (a month before the first change where ownership began before records) to a month past the last one.
 */
public final class OwnershipBars {

    private static final Duration MARGIN = Duration.ofDays(30);

    public record Bar(OwnershipPeriod period, double left, double width, boolean openStart, boolean current) {}

    public record Axis(Instant start, Instant end, List<Bar> bars) {}

    private OwnershipBars() {}

    static Axis of(List<OwnershipPeriod> periods) {
        if (periods.isEmpty()) {
            return new Axis(null, null, List.of());
        }
        Instant firstKnown = periods.stream()
                .map(period -> period.from() != null ? period.from() : period.recordedAt())
                .min(Instant::compareTo)
                .orElseThrow();
        Instant lastKnown = periods.stream()
                .map(period -> period.from() != null ? period.from() : period.recordedAt())
                .max(Instant::compareTo)
                .orElseThrow();
        Instant start = firstKnown.minus(MARGIN);
        Instant end = lastKnown.plus(MARGIN);
        double span = Duration.between(start, end).toMillis();
        List<Bar> bars = new ArrayList<>();
        for (OwnershipPeriod period : periods) {
            Instant from = period.from() == null ? start : period.from();
            Instant to = period.to() == null ? end : period.to();
            double left = 100 * Duration.between(start, from).toMillis() / span;
            double width = Math.max(0.5, 100 * Duration.between(from, to).toMillis() / span);
            bars.add(new Bar(
                    period,
                    round(left),
                    round(Math.min(width, 100 - left)),
                    period.from() == null,
                    period.to() == null));
        }
        return new Axis(start, end, bars);
    }

    private static double round(double percent) {
        return Math.round(percent * 100) / 100.0;
    }
}
