package org.meshledger.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the event log in global-index order for tracking processors. Every read is a lookup of exact indexes
 * ({@code _id $in}), which both MongoDB and the embedded store answer from the primary index whatever the size
 * of the log. An index below the highest one seen that holds nothing yet is a gap: the token remembers it and
 * every read looks again. A gap older than the timeout is given up by filling it with a placeholder; because the
 * index is unique, a writer that allocated it and inserts later fails and retries with a fresh index, so an
 * event is either read or never acknowledged, never skipped.
 */
final class EventLogTracker {

    private static final Logger log = LoggerFactory.getLogger(EventLogTracker.class);
    private static final int MAX_REMEMBERED_GAPS = 100_000;
    private static final int IDLE_WINDOW = 32;

    private final MongoCollection<Document> events;
    private final GlobalSequence sequence;
    private final long gapTimeoutNanos;
    private final Map<Long, Long> gapSeenAt = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AbandonedRuns abandonedRuns = new AbandonedRuns();

    EventLogTracker(MongoCollection<Document> events, GlobalSequence sequence, Duration gapTimeout) {
        this.events = events;
        this.sequence = sequence;
        this.gapTimeoutNanos = gapTimeout.toNanos();
    }

    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long presented = token == null ? -1 : token.getIndex();
        long index = abandonedRuns.skipFrom(presented);
        TreeSet<Long> gaps = token == null ? new TreeSet<>() : new TreeSet<>(token.getGaps());
        TreeSet<Long> toJudge = new TreeSet<>(gaps);
        List<TrackedEventData<?>> batch = new ArrayList<>();
        long scanFrom = index + 1;
        // an idle poll asks for a few indexes; a busy log gets full windows
        int window = Math.min(batchSize, IDLE_WINDOW);
        // the index the next poll presents (that of the last event read, or the same as this one's) and the abandoned
        // indexes found right after it
        long runAfter = presented;
        long runThrough = index;
        while (true) {
            long scanTo = scanFrom + window - 1;
            for (long id = scanFrom; id <= scanTo; id++) {
                toJudge.add(id);
            }
            Map<Long, Document> found = find(toJudge);
            Commits.completeWith(found, this::findAll);
            long storedInWindow = 0;
            List<Long> stillPending = new ArrayList<>();
            for (long id : toJudge) {
                Document document = found.get(id);
                Commits.Visibility visibility =
                        document == null ? Commits.Visibility.PENDING : Commits.of(document, found);
                if (visibility == Commits.Visibility.PENDING) {
                    if (id > index) {
                        stillPending.add(id);
                    }
                    continue;
                }
                if (id >= scanFrom) {
                    storedInWindow++;
                }
                boolean beyond = id > index;
                if (beyond) {
                    for (long skipped = index + 1; skipped < id; skipped++) {
                        gaps.add(skipped);
                    }
                    index = id;
                } else {
                    gaps.remove(id);
                }
                gapSeenAt.remove(id);
                if (visibility == Commits.Visibility.VISIBLE) {
                    batch.add(new TrackedDomainEventData<>(
                            GapAwareTrackingToken.newInstance(index, gaps), EventDocuments.toEventData(document)));
                    runAfter = index;
                    runThrough = index;
                } else if (beyond && id == runThrough + 1) {
                    runThrough = id;
                }
            }
            giveUpOldGaps(gaps);
            boolean windowFull = storedInWindow == window;
            boolean readOn = batch.isEmpty()
                    // only placeholders, or nothing yet while later indexes are allocated: a run of abandoned
                    // indexes longer than a window must not stop this tracker for good
                    ? storedInWindow > 0 || scanTo < sequence.next() - 1
                    : windowFull && batch.size() < batchSize;
            if (!readOn) {
                abandonedRuns.remember(runAfter, runThrough);
                if (!batch.isEmpty()) {
                    listeners.forEach(Runnable::run);
                }
                return batch;
            }
            scanFrom = scanTo + 1;
            window = batchSize;
            // what was still being written when judged is judged again with the next window, ahead of it: a commit
            // whose writer finished meanwhile is then read in index order, not its later part first and the rest
            // as gaps
            toJudge = new TreeSet<>(stillPending);
        }
    }

    /** The last index of the abandoned run known to follow {@code index}, or {@code index}. */
    long readThrough(long index) {
        return abandonedRuns.skipFrom(index);
    }

    /** Told whenever a read of the log found events: a reader that sleeps between reads can wake up. */
    void whenEventsRead(Runnable listener) {
        listeners.add(listener);
    }

    private void giveUpOldGaps(Collection<Long> gaps) {
        if (gapSeenAt.size() > MAX_REMEMBERED_GAPS) {
            gapSeenAt.clear();
        }
        long now = System.nanoTime();
        for (long gap : gaps) {
            long seenAt = gapSeenAt.computeIfAbsent(gap, ignored -> now);
            if (now - seenAt > gapTimeoutNanos) {
                fillWithPlaceholder(gap);
            }
        }
    }

    private void fillWithPlaceholder(long gap) {
        try {
            events.insertOne(EventDocuments.placeholder(gap));
            log.warn(
                    "Gave up waiting for the event at global index {} after {} ms; the index now holds a placeholder"
                            + " and its writer, if any, will store the event at a new index",
                    gap,
                    gapTimeoutNanos / 1_000_000);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the event (or another tracker's placeholder) got there first; the next read sees it
        }
    }

    private Map<Long, Document> find(Collection<Long> ids) {
        Map<Long, Document> found = new HashMap<>();
        for (Document document : findAll(ids)) {
            found.put(EventDocuments.globalIndex(document), document);
        }
        return found;
    }

    private List<Document> findAll(Collection<Long> ids) {
        return EventDocuments.atIndexes(events, ids);
    }
}
