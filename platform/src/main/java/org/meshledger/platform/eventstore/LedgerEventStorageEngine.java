package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The ledger's event storage engine on MongoDB: a global index allocated before insert and tracked with gap-aware
 * tokens, unique stream keys for optimistic concurrency across processes, and every hot read an exact-key lookup.
 * See {@link EventWriter} and {@link EventLogTracker} for why no acknowledged event can ever be skipped.
 */
public class LedgerEventStorageEngine extends BatchingEventStorageEngine {

    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String SEQUENCES = "event_sequences";

    private static final int HEAD_WINDOW = 256;

    private final MongoCollection<Document> events;
    private final GlobalSequence sequence;
    private final EventWriter writer;
    private final EventChain chain;
    private final EventLogTracker tracker;
    private final StreamReader streams;
    private final SnapshotDocuments snapshots;

    protected LedgerEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.sequence = new GlobalSequence(builder.database.getCollection(SEQUENCES));
        this.writer = new EventWriter(events, sequence, builder.afterAllocation);
        this.chain = new EventChain(events);
        this.tracker = new EventLogTracker(events, sequence, builder.gapTimeout);
        this.streams = new StreamReader(events, batchSize());
        this.snapshots = new SnapshotDocuments(builder.database.getCollection(SNAPSHOTS));
        events.createIndex(Indexes.ascending(EventDocuments.STREAM_KEY), new IndexOptions().unique(true));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> commit = EventDocuments.forCommit(events, serializer);
        chain.link(commit);
        try {
            writer.append(commit);
            chain.stored(commit);
        } catch (EventWriter.StreamKeyTakenException taken) {
            handlePersistenceException(taken, events.get(taken.position()));
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return tracker.fetch(lastToken, batchSize);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        return streams.fetch(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return streams.lastSequence(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /**
     * The position after the newest stored event; indexes allocated near the head but not stored yet are gaps, so
     * a processor starting here still receives them.
     */
    @Override
    public TrackingToken createHeadToken() {
        long allocated = sequence.next();
        long from = Math.max(0, allocated - HEAD_WINDOW);
        List<Long> window = new ArrayList<>();
        for (long index = from; index < allocated; index++) {
            window.add(index);
        }
        TreeSet<Long> stored = new TreeSet<>();
        events.find(Filters.in(EventDocuments.ID, window))
                .projection(new Document(EventDocuments.ID, 1))
                .forEach(document -> stored.add(EventDocuments.globalIndex(document)));
        if (stored.isEmpty()) {
            return from == 0 ? null : GapAwareTrackingToken.newInstance(from - 1, List.of());
        }
        long head = stored.last();
        List<Long> gaps = new ArrayList<>();
        for (long index = from; index < head; index++) {
            if (!stored.contains(index)) {
                gaps.add(index);
            }
        }
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    /** The position just before the first event at or after {@code dateTime}: a binary search by index. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 0;
        long high = sequence.next();
        while (low < high) {
            long middle = (low + high) >>> 1;
            Optional<Instant> timestamp = timestampAtOrAfter(middle, high);
            if (timestamp.isPresent() && timestamp.get().isBefore(dateTime)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? null : GapAwareTrackingToken.newInstance(low - 1, List.of());
    }

    private Optional<Instant> timestampAtOrAfter(long index, long limit) {
        for (long probe = index; probe < limit && probe < index + 16; probe++) {
            Document document =
                    events.find(Filters.eq(EventDocuments.ID, probe)).first();
            if (document != null && !EventDocuments.isPlaceholder(document)) {
                return Optional.of(DateTimeUtils.parseInstant(document.getString(EventDocuments.TIMESTAMP)));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code listener} (on the reading thread, so it must only hand work on) each time a read of the event log
     * returns events: how processors that cannot block on the log learn that there is something to read.
     */
    public void whenEventsRead(Runnable listener) {
        tracker.whenEventsRead(listener);
    }

    /** One past the highest global index handed out so far. */
    public long nextIndex() {
        return sequence.next();
    }

    /** See {@link EventLogHead#readThrough(long)}: as far as this process's trackers have found indexes abandoned. */
    public long readThrough(long position) {
        return tracker.readThrough(position);
    }

    /** Moves the global counter past events copied in by a migration. */
    void advancePast(long index) {
        sequence.advancePast(index);
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Duration gapTimeout = Duration.ofSeconds(10);
        private LongConsumer afterAllocation = index -> {};
        private int batchSize = 100;

        public Builder() {
            persistenceExceptionResolver(failure -> failure instanceof EventWriter.StreamKeyTakenException);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** How long a gap in the global index is waited for before a placeholder is put there. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** Runs between allocating a commit's indexes and inserting it: where fault-injection tests pause. */
        public Builder afterAllocation(LongConsumer afterAllocation) {
            this.afterAllocation = afterAllocation;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            this.batchSize = batchSize;
            return this;
        }

        public LedgerEventStorageEngine build() {
            int maxBatch = batchSize;
            // a batch shorter than asked for is the end of the stream: no extra query to find nothing
            finalAggregateBatchPredicate(batch -> batch.isEmpty()
                    || batch.size() < StreamReader.batchFrom(batch.get(0).getSequenceNumber(), maxBatch));
            validate();
            return new LedgerEventStorageEngine(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("The event store needs a database");
            }
        }
    }
}
