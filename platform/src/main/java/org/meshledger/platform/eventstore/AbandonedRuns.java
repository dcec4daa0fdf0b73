package org.meshledger.platform.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs of consecutive indexes that a tracker found stored and abandoned (placeholders, or parts of abandoned commits),
 * keyed by the index just before them. An abandoned index stays abandoned, so a run once seen never has to be read
 * again. Without this, a tracker whose last event is followed by such a run reads all of it on every poll: Axon
 * advances a token only with an event, and the run yields none until a real event is stored after it.
 */
final class AbandonedRuns {

    // the trackers of one process mostly sit at the same few indexes; the bound only stops a leak
    private static final int MAX_REMEMBERED = 1_024;

    private final Map<Long, Long> lastIndexAfter = new ConcurrentHashMap<>();

    /** The last index of the known abandoned run right after {@code index}, or {@code index} when none is known. */
    long skipFrom(long index) {
        long skipped = index;
        for (int hop = 0; hop < MAX_REMEMBERED; hop++) {
            Long runEnd = lastIndexAfter.get(skipped);
            if (runEnd == null) {
                break;
            }
            skipped = runEnd;
        }
        return skipped;
    }

    /** Indexes {@code after + 1} to {@code through} are all stored and abandoned. */
    void remember(long after, long through) {
        if (through <= after) {
            return;
        }
        if (lastIndexAfter.size() >= MAX_REMEMBERED) {
            lastIndexAfter.clear();
        }
        lastIndexAfter.merge(after, through, Math::max);
    }
}
