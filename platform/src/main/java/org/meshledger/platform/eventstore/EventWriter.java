package org.meshledger.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.Document;

/**
 * Stores one commit: allocates its global indexes, then inserts its events in index order. Two unique keys decide
 * every race without transactions: {@code _id} (the global index) and {@code streamKey} (aggregate and sequence).
 * Losing the index to a tracker's placeholder means this writer paused too long, and losing it to another process's
 * event means both counted to it at once: either way it abandons what it stored and tries again at fresh indexes.
 * Losing the stream key means another command appended to the aggregate first.
 */
final class EventWriter {

    /** A writer that keeps pausing past the gap timeout cannot store anything; it gives up after this many. */
    private static final int MAX_GIVEN_UP = 10;

    /**
     * Every index lost to another writer's event is a commit that writer stored, so the ledger moves on while this
     * one retries; the bound is only a backstop. Two processes appending flat out, four threads each, had commits of
     * the one behind stored at up to their 39th attempt (docs/operations.md, Known limits).
     */
    private static final int MAX_ATTEMPTS = 1_000;

    private final MongoCollection<Document> events;
    private final GlobalSequence sequence;
    private final LongConsumer afterAllocation;

    EventWriter(MongoCollection<Document> events, GlobalSequence sequence, LongConsumer afterAllocation) {
        this.events = events;
        this.sequence = sequence;
        this.afterAllocation = afterAllocation;
    }

    /**
     * @return normally; throws {@link StreamKeyTakenException} naming the position in {@code commit} whose aggregate
     *     sequence another commit holds
     */
    void append(List<Document> commit) {
        int givenUp = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long first = sequence.allocate(commit.size());
            number(commit, first);
            afterAllocation.accept(first);
            int stored = insert(commit);
            if (stored == commit.size()) {
                return;
            }
            Document failed = commit.get(stored);
            Document indexHolder = holderOfIndex(failed);
            boolean indexLost = indexHolder != null;
            abandon(commit, stored, indexLost);
            if (!indexLost) {
                if (clearAbandonedHolder(failed.getString(EventDocuments.STREAM_KEY))) {
                    continue;
                }
                throw new StreamKeyTakenException(stored);
            }
            if (EventDocuments.isPlaceholder(indexHolder) && ++givenUp == MAX_GIVEN_UP) {
                throw new EventStoreException("Could not store a commit: its indexes were given up " + givenUp
                        + " times, each time it paused past the gap timeout between allocating and inserting");
            }
            sequence.taken(EventDocuments.globalIndex(failed), events);
        }
        throw new EventStoreException(
                "Could not store a commit after " + MAX_ATTEMPTS + " attempts: other writers kept taking its indexes");
    }

    /** Gives the commit's documents their global indexes from {@code first} on, and marks them as one commit. */
    static void number(List<Document> commit, long first) {
        for (int position = 0; position < commit.size(); position++) {
            Document document = commit.get(position);
            document.put(EventDocuments.ID, first + position);
            if (commit.size() > 1) {
                document.put(EventDocuments.COMMIT_START, first);
                document.put(EventDocuments.COMMIT_SIZE, commit.size());
            }
        }
    }

    /** @return how many of the commit's documents were stored before the first duplicate key */
    private int insert(List<Document> commit) {
        try {
            if (commit.size() == 1) {
                events.insertOne(commit.get(0));
            } else {
                events.insertMany(commit, new InsertManyOptions().ordered(true));
            }
            return commit.size();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return 0;
        } catch (MongoBulkWriteException e) {
            var error = e.getWriteErrors().get(0);
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return error.getIndex();
        }
    }

    /** @return the document another commit stored at the failed document's index, or null if it is free */
    private Document holderOfIndex(Document failed) {
        Document holder = events.find(Filters.eq(EventDocuments.ID, failed.get(EventDocuments.ID)))
                .first();
        boolean another = holder != null
                && !failed.getString(EventDocuments.EVENT_ID).equals(holder.getString(EventDocuments.EVENT_ID));
        return another ? holder : null;
    }

    /**
     * Turns the part of the commit already stored into placeholders and fills the rest, so no reader ever waits for
     * it and its stream keys are free again. A placeholder anywhere in a commit makes every reader skip all of it.
     */
    private void abandon(List<Document> commit, int stored, boolean failedIndexLost) {
        for (int position = stored + (failedIndexLost ? 1 : 0); position < commit.size(); position++) {
            insertPlaceholder(EventDocuments.globalIndex(commit.get(position)));
        }
        for (int position = 0; position < stored; position++) {
            long index = EventDocuments.globalIndex(commit.get(position));
            events.replaceOne(Filters.eq(EventDocuments.ID, index), EventDocuments.placeholder(index));
        }
    }

    /**
     * A writer that died half-way through a commit leaves stored events that no reader will ever show (trackers fill
     * the rest with placeholders). Their stream keys must not block the aggregate: free them.
     */
    private boolean clearAbandonedHolder(String streamKey) {
        Document holder =
                events.find(Filters.eq(EventDocuments.STREAM_KEY, streamKey)).first();
        if (holder == null) {
            return true;
        }
        if (EventDocuments.commitSize(holder) == 1) {
            return false;
        }
        Map<Long, Document> commit = new HashMap<>();
        commit.put(EventDocuments.globalIndex(holder), holder);
        Commits.completeWith(commit, ids -> EventDocuments.atIndexes(events, ids));
        if (Commits.of(holder, commit) != Commits.Visibility.ABANDONED) {
            return false;
        }
        long index = EventDocuments.globalIndex(holder);
        events.replaceOne(Filters.eq(EventDocuments.ID, index), EventDocuments.placeholder(index));
        return true;
    }

    private void insertPlaceholder(long index) {
        try {
            events.insertOne(EventDocuments.placeholder(index));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Another commit holds the aggregate sequence of the event at {@code position} of the commit. */
    static final class StreamKeyTakenException extends RuntimeException {
        private final int position;

        StreamKeyTakenException(int position) {
            super("The aggregate sequence is taken by another commit", null, false, false);
            this.position = position;
        }

        int position() {
            return position;
        }
    }
}
