package org.meshledger.query.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.meshledger.api.model.Slo;
import org.meshledger.query.slo.HourlyCounts.Counts;

/** One SLO as a view keeps it: the promise and the hourly counts of what was observed against it. */
public record SloTrack(double threshold, double target, String window, Map<String, Counts> buckets) {

    public static final double MAX_BURN_RATE = 1000;

    /** A copy of a view's SLOs with one indicator's track set, or removed when {@code track} is null. */
    public static Map<String, SloTrack> replacing(Map<String, SloTrack> slos, String indicator, SloTrack track) {
        Map<String, SloTrack> changed = new java.util.TreeMap<>(slos);
        if (track == null) {
            changed.remove(indicator);
        } else {
            changed.put(indicator, track);
        }
        return changed;
    }

    public static SloTrack of(Slo slo) {
        return new SloTrack(slo.threshold(), slo.target(), Slo.formatWindow(slo.window()), Map.of());
    }

    /** The new promise, keeping what was observed: each observation was judged once, against the SLO then. */
    public SloTrack redefinedAs(Slo slo) {
        return new SloTrack(slo.threshold(), slo.target(), Slo.formatWindow(slo.window()), buckets);
    }

    public SloTrack observed(Instant observedAt, boolean good, Instant now) {
        Map<String, Counts> recorded = HourlyCounts.record(buckets, observedAt, good);
        return new SloTrack(threshold, target, window, HourlyCounts.prune(recorded, now, windowDuration()));
    }

    /** The same track with the fewest hours that judge as it does at every instant of {@code now}'s hour. */
    public SloTrack compactedFor(Instant now) {
        return new SloTrack(threshold, target, window, HourlyCounts.compactedFor(buckets, now, windowDuration()));
    }

    public Counts countsAt(Instant now) {
        return HourlyCounts.within(buckets, now, windowDuration());
    }

    public SloStatus statusAt(Instant now) {
        Counts counts = countsAt(now);
        if (counts.total() == 0) {
            return SloStatus.NO_DATA;
        }
        return counts.rate() < target ? SloStatus.BREACHING : SloStatus.MEETING;
    }

    /** What is left of the bad observations the target allows in the window: 1 untouched, 0 spent (or overspent). */
    public double errorBudgetRemainingAt(Instant now) {
        Counts counts = countsAt(now);
        double allowed = (1 - target) * counts.total();
        if (allowed == 0) {
            return counts.bad() == 0 ? 1 : 0;
        }
        return Math.max(0, 1 - counts.bad() / allowed);
    }

    /** How fast the last hour spends the budget: 1 spends it exactly over the window; above 5 is the paging signal. */
    public double burnRateAt(Instant now) {
        double[] badAndTotal = HourlyCounts.lastHour(buckets, now);
        if (badAndTotal[1] == 0) {
            return 0;
        }
        double errorRate = badAndTotal[0] / badAndTotal[1];
        if (errorRate == 0) {
            return 0;
        }
        // a target of 1 allows no error at all: any error burns "infinitely" fast, reported as the cap
        double allowedErrorRate = 1 - target;
        return allowedErrorRate == 0 ? MAX_BURN_RATE : Math.min(MAX_BURN_RATE, errorRate / allowedErrorRate);
    }

    public Duration windowDuration() {
        return Duration.parse(window);
    }
}
