package org.meshledger.bench;

import java.util.List;

final class Percentiles {

    private Percentiles() {}

    /** The nearest-rank percentile of nanosecond samples, in milliseconds. */
    static double millis(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1_000_000.0;
    }
}
