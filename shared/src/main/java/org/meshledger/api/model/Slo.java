package org.meshledger.api.model;

import java.time.Duration;

/**
 * A service-level objective: observations are judged against {@code threshold}, and at least {@code target} of them
 * must be good over the rolling {@code window}.
 */
public record Slo(double threshold, double target, Duration window) {

    public static final Duration SHORTEST_WINDOW = Duration.ofHours(1);
    public static final Duration LONGEST_WINDOW = Duration.ofDays(400);

    /** The window as people write it: whole days as {@code P30D}, anything finer as Java prints it ({@code PT90M}). */
    public static String formatWindow(Duration window) {
        boolean wholeDays = window.toSeconds() % Duration.ofDays(1).toSeconds() == 0 && window.getNano() == 0;
        return wholeDays ? "P" + window.toDays() + "D" : window.toString();
    }

    /** Loosened wins over tightened: a promise relaxed anywhere is a weaker promise, whatever else got stricter. */
    public SloChange classifyChangeTo(Slo proposed, Indicator indicator) {
        boolean thresholdRelaxed = indicator.isRelaxed(threshold, proposed.threshold);
        boolean thresholdStricter = indicator.isRelaxed(proposed.threshold, threshold);
        if (thresholdRelaxed || proposed.target < target) {
            return SloChange.LOOSENED;
        }
        if (thresholdStricter || proposed.target > target) {
            return SloChange.TIGHTENED;
        }
        return SloChange.UNCHANGED;
    }
}
