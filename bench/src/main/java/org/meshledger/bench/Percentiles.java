package org.meshledger.bench;

import java.util.List;

final class Percentiles {

    private Percentiles() {}

    /** The nearest-rank percentile of nanosecond samples, in milliseconds. */
    static double millis(List<Long> nanos, double percentile) {
        return ofSorted(nanos.stream().sorted().toList(), percentile);
    }

    /** The middle of an odd number of rates, the upper middle of an even number: what a run of timed passes counts. */
    static double median(List<Double> rates) {
        return rates.stream().sorted().toList().get(rates.size() / 2);
    }

    /**
     * The shape of a latency distribution, from its median to its slowest sample: whether a p99 is the queue every
     * request waits in or a few stalls (a collector's pause) that a small share of requests meet.
     */
    static String spread(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return "p50 %.2f ms, p90 %.2f ms, p98 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms"
                .formatted(
                        ofSorted(sorted, 50),
                        ofSorted(sorted, 90),
                        ofSorted(sorted, 98),
                        ofSorted(sorted, 99),
                        ofSorted(sorted, 99.9),
                        ofSorted(sorted, 100));
    }

    private static double ofSorted(List<Long> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1_000_000.0;
    }
}
