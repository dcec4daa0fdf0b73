package org.meshledger.api.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A service-level indicator. Each knows its unit, the range a measured value may take and which way is better, so
 * an observation is judged and an SLO change classified the same way everywhere.
 */
public enum Indicator {
    FRESHNESS("seconds", 0, Double.MAX_VALUE, true),
    COMPLETENESS("ratio", 0, 1, false),
    AVAILABILITY("ratio", 0, 1, false),
    LATENCY("milliseconds", 0, Double.MAX_VALUE, true);

    private final String unit;
    private final double min;
    private final double max;
    private final boolean lowerIsBetter;

    Indicator(String unit, double min, double max, boolean lowerIsBetter) {
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.lowerIsBetter = lowerIsBetter;
    }

    public static Optional<Indicator> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(indicator -> indicator.wireName().equals(name))
                .findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    public boolean accepts(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    public String rangeDescription() {
        return max == Double.MAX_VALUE ? "a number of " + unit + " ≥ " + (long) min : "a " + unit + " between 0 and 1";
    }

    /** An observation is good when it is at least as good as the threshold. */
    public boolean isGood(double value, double threshold) {
        return lowerIsBetter ? value <= threshold : value >= threshold;
    }

    /** True when {@code proposed} lets through observations that {@code current} would have judged bad. */
    public boolean isRelaxed(double current, double proposed) {
        return lowerIsBetter ? proposed > current : proposed < current;
    }
}
