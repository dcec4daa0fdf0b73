package org.meshledger.query.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Good and total observations per hour of observation time, keyed by the hour's start (epoch seconds, as text so the
 * map stores as a document). A window is the hours that overlap it: judgements have hourly resolution, and a query
 * reads one small map however many observations were made.
 */
public final class HourlyCounts {

    private static final long HOUR = 3600;

    private HourlyCounts() {}

    public record Counts(long good, long total) {

        public static final Counts NONE = new Counts(0, 0);

        Counts plus(Counts other) {
            return new Counts(good + other.good, total + other.total);
        }

        public long bad() {
            return total - good;
        }

        public Double rate() {
            return total == 0 ? null : (double) good / total;
        }
    }

    public static Map<String, Counts> record(Map<String, Counts> buckets, Instant observedAt, boolean good) {
        Map<String, Counts> next = new TreeMap<>(buckets);
        next.merge(key(observedAt), new Counts(good ? 1 : 0, 1), Counts::plus);
        return next;
    }

    /** Drops the hours that lie wholly before the window ending at {@code now}. */
    public static Map<String, Counts> prune(Map<String, Counts> buckets, Instant now, Duration window) {
        long oldestKept = hourStart(now.minus(window));
        Map<String, Counts> kept = new TreeMap<>();
        buckets.forEach((hour, counts) -> {
            if (Long.parseLong(hour) >= oldestKept) {
                kept.put(hour, counts);
            }
        });
        return kept;
    }

    /** The counts of the hours that overlap {@code (now - window, now]}. */
    public static Counts within(Map<String, Counts> buckets, Instant now, Duration window) {
        long first = hourStart(now.minus(window));
        long last = hourStart(now);
        return buckets.entrySet().stream()
                .filter(bucket -> {
                    long hour = Long.parseLong(bucket.getKey());
                    return hour >= first && hour <= last;
                })
                .map(Map.Entry::getValue)
                .reduce(Counts.NONE, Counts::plus);
    }

    /**
     * The fewest hours that judge the same as {@code buckets} at every instant of {@code now}'s hour ({@link #within},
     * {@link #lastHour}): the hours that a window ending in this hour may or may not reach stay as they are, and so do
     * this hour and the one before; the hours every such window holds, between them, are summed into one.
     */
    public static Map<String, Counts> compactedFor(Map<String, Counts> buckets, Instant now, Duration window) {
        long thisHour = hourStart(now);
        long latestFirst = hourStart(Instant.ofEpochSecond(thisHour + HOUR - 1).minus(window));
        long merged = latestFirst + HOUR;
        long previousHour = thisHour - HOUR;
        if (merged >= previousHour) {
            return buckets;
        }
        Map<String, Counts> compacted = new TreeMap<>();
        Counts between = Counts.NONE;
        for (Map.Entry<String, Counts> bucket : buckets.entrySet()) {
            long hour = Long.parseLong(bucket.getKey());
            if (hour >= merged && hour < previousHour) {
                between = between.plus(bucket.getValue());
            } else {
                compacted.put(bucket.getKey(), bucket.getValue());
            }
        }
        if (between.total() > 0) {
            compacted.put(String.valueOf(merged), between);
        }
        return compacted;
    }

    /** The start of {@code now}'s hour, in epoch seconds. */
    public static long hourOf(Instant now) {
        return hourStart(now);
    }

    /** One period's counts, by the UTC instant it starts. */
    public record Period(Instant start, Counts counts) {}

    /**
     * The counts per {@code step} (whole hours, aligned to UTC) of the hours that overlap the window ending at
     * {@code now}, oldest first, periods without observations included.
     */
    public static List<Period> periods(Map<String, Counts> buckets, Instant now, Duration window, Duration step) {
        long stepSeconds = step.getSeconds();
        long first = hourStart(now.minus(window));
        long last = hourStart(now);
        TreeMap<Long, Counts> perPeriod = new TreeMap<>();
        for (long start = Math.floorDiv(first, stepSeconds) * stepSeconds; start <= last; start += stepSeconds) {
            perPeriod.put(start, Counts.NONE);
        }
        buckets.forEach((hour, counts) -> {
            long start = Long.parseLong(hour);
            if (start >= first && start <= last) {
                perPeriod.merge(Math.floorDiv(start, stepSeconds) * stepSeconds, counts, Counts::plus);
            }
        });
        return perPeriod.entrySet().stream()
                .map(period -> new Period(Instant.ofEpochSecond(period.getKey()), period.getValue()))
                .toList();
    }

    /** The last hour: this hour's counts, plus the previous hour's in proportion to how much of it the hour covers. */
    public static double[] lastHour(Map<String, Counts> buckets, Instant now) {
        long current = hourStart(now);
        double previousShare = 1 - (double) (now.getEpochSecond() - current) / HOUR;
        Counts thisHour = buckets.getOrDefault(String.valueOf(current), Counts.NONE);
        Counts previous = buckets.getOrDefault(String.valueOf(current - HOUR), Counts.NONE);
        return new double[] {
            thisHour.bad() + previous.bad() * previousShare, thisHour.total() + previous.total() * previousShare
        };
    }

    private static String key(Instant instant) {
        return String.valueOf(hourStart(instant));
    }

    private static long hourStart(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), HOUR) * HOUR;
    }
}
