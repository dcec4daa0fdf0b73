package org.meshledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestStore;

class LedgerEngineContractTest extends EventStorageEngineContract {

    private static final Duration GAP_TIMEOUT = Duration.ofMillis(300);

    @Override
    protected EventStorageEngine engineOn(MongoDatabase database) {
        return pausingEngine(database, index -> {});
    }

    private static LedgerEventStorageEngine pausingEngine(
            MongoDatabase database, java.util.function.LongConsumer afterAllocation) {
        return LedgerEventStorageEngine.builder()
                .database(database)
                .gapTimeout(GAP_TIMEOUT)
                .batchSize(100)
                .afterAllocation(afterAllocation)
                .eventSerializer(EventStoreConfiguration.jacksonSerializer())
                .snapshotSerializer(EventStoreConfiguration.snapshotSerializer())
                .build();
    }

    /**
     * A writer allocates an index and then stalls past the gap timeout while other threads keep writing. A tracker passes
     * the gap, gives it up and fills it; the stalled writer's insert then fails on the placeholder and lands at a
     * fresh index. Every acknowledged event is read exactly once, from any token along the way.
     */
    @Test
    void givenAWriterStalledBetweenAllocationAndInsert_whenTrackersGiveUpItsIndex_thenItsEventIsStillRead()
            throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        LedgerEventStorageEngine stalling = stallingOnFirstAllocation(allocated, resume);
        CompletableFuture<Void> stalledWrite =
                CompletableFuture.runAsync(() -> stalling.appendEvents(event("late", 0)));
        assertThat(allocated.await(5, TimeUnit.SECONDS)).isTrue();
        stalling.appendEvents(event("early", 0));

        List<? extends TrackedEventMessage<?>> firstRead =
                engine.readEvents(null, false).toList();
        assertThat(firstRead)
                .extracting(event -> ((Noted) event.getPayload()).text())
                .containsExactly("early@0");
        TrackingToken withGap = firstRead.get(0).trackingToken();

        Thread.sleep(GAP_TIMEOUT.toMillis() * 2);
        assertThat(engine.readEvents(withGap, false).toList()).isEmpty();
        Document givenUp = database.getCollection(LedgerEventStorageEngine.EVENTS)
                .find(Filters.eq("_id", 0L))
                .first();
        assertThat(givenUp).as("the given-up index holds a placeholder").isNotNull();
        assertThat(EventDocuments.isPlaceholder(givenUp)).isTrue();

        resume.countDown();
        stalledWrite.get(10, TimeUnit.SECONDS);

        assertThat(engine.readEvents(withGap, false).map(event -> ((Noted) event.getPayload()).text()))
                .containsExactly("late@0");
        assertThat(engine.readEvents(null, false).map(event -> ((Noted) event.getPayload()).text()))
                .containsExactly("early@0", "late@0");
    }

    /** A commit is read whole or not at all: a placeholder in any of its indexes hides every event of it. */
    @Test
    void givenACommitOfSeveralEvents_whenOneOfItsIndexesWasGivenUp_thenNoneOfItIsReadAndTheRetryStoresItWhole()
            throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        LedgerEventStorageEngine stalling = stallingOnFirstAllocation(allocated, resume);
        CompletableFuture<Void> stalledWrite = CompletableFuture.runAsync(
                () -> stalling.appendEvents(event("batch", 0), event("batch", 1), event("batch", 2)));
        assertThat(allocated.await(5, TimeUnit.SECONDS)).isTrue();
        database.getCollection(LedgerEventStorageEngine.EVENTS).insertOne(EventDocuments.placeholder(1));
        stalling.appendEvents(event("other", 0));

        resume.countDown();
        stalledWrite.get(10, TimeUnit.SECONDS);

        List<String> read = engine.readEvents(null, false)
                .map(event -> ((Noted) event.getPayload()).text())
                .toList();
        assertThat(read).containsExactly("other@0", "batch@0", "batch@1", "batch@2");
        assertThat(texts(engine.readEvents("batch").asStream().toList()))
                .containsExactly("batch@0", "batch@1", "batch@2");
        assertThat(database.getCollection(LedgerEventStorageEngine.EVENTS)
                        .countDocuments(new Document("placeholder", true)))
                .as("indexes 0-2 of the abandoned attempt hold placeholders")
                .isEqualTo(3);
    }

    /**
     * A tracker meets a commit half-written, judges its first indexes still pending and reads on; by the next window
     * the writer has finished. The commit must still be read in index order: its tail first and its head later as
     * gaps would let a view see an aggregate's later events before its earlier ones.
     */
    @Test
    void givenACommitFinishedWhileATrackerReadsOn_whenTracked_thenItsEventsComeInIndexOrder() {
        List<Document> commit = numberedCommit("half", 40);
        var events = database.getCollection(LedgerEventStorageEngine.EVENTS);
        events.insertMany(commit.subList(0, 35));
        AtomicInteger eventReads = new AtomicInteger();
        Set<Integer> readsOfEvents = ConcurrentHashMap.newKeySet();
        CommandListener finishOnSecondRead = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent started) {
                if (LedgerEventStorageEngine.EVENTS.equals(
                        started.getCommand().get("find") instanceof BsonString name ? name.getValue() : null)) {
                    readsOfEvents.add(started.getRequestId());
                }
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent succeeded) {
                // the first read finds indexes 0-31, the second looks for the rest of their commit and misses 35-39
                if (readsOfEvents.remove(succeeded.getRequestId()) && eventReads.incrementAndGet() == 2) {
                    events.insertMany(commit.subList(35, 40));
                }
            }
        };
        try (MongoClient listening = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestStore.uri()))
                .addCommandListener(finishOnSecondRead)
                .build())) {
            LedgerEventStorageEngine reader = pausingEngine(listening.getDatabase(database.getName()), index -> {});

            List<String> read = reader.readEvents(null, false)
                    .map(event -> ((Noted) event.getPayload()).text())
                    .toList();

            assertThat(eventReads.get())
                    .as("the commit was finished while the tracker read")
                    .isGreaterThan(2);
            assertThat(read)
                    .containsExactlyElementsOf(IntStream.range(0, 40)
                            .mapToObj(sequence -> "half@" + sequence)
                            .toList());
        }
    }

    /**
     * A product's history stored in a few large commits (a bulk import, a command emitting many events) is read in
     * batches; each batch must not fetch the rest of every commit it touches again. Before, the first command on such a
     * product with 10,000 events waited 15 to 20 seconds for its history.
     */
    @Test
    void givenAStreamStoredInLargeCommits_whenReadWhole_thenEachBatchLooksUpOneMoreEventPerCommitAtMost() {
        for (int commit = 0; commit < 4; commit++) {
            int from = commit * 500;
            engine.appendEvents(IntStream.range(from, from + 500)
                    .mapToObj(sequence -> event("long", sequence))
                    .toList());
        }
        AtomicInteger indexesAsked = new AtomicInteger();
        try (MongoClient listening = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestStore.uri()))
                .addCommandListener(countingIndexesAsked(indexesAsked))
                .build())) {
            LedgerEventStorageEngine reader = pausingEngine(listening.getDatabase(database.getName()), index -> {});

            assertThat(texts(reader.readEvents("long").asStream().toList()))
                    .containsExactlyElementsOf(IntStream.range(0, 2_000)
                            .mapToObj(sequence -> "long@" + sequence)
                            .toList());
            assertThat(indexesAsked.get())
                    .as("events looked up by index besides those read by stream key, over some 25 batches")
                    .isLessThanOrEqualTo(50);
        }
    }

    @Test
    void givenARunOfGivenUpIndexesLongerThanABatch_whenTracked_thenTheTrackerReadsPastIt() {
        var events = database.getCollection(LedgerEventStorageEngine.EVENTS);
        new GlobalSequence(database.getCollection(LedgerEventStorageEngine.SEQUENCES)).allocate(350);
        for (long index = 0; index < 350; index++) {
            events.insertOne(EventDocuments.placeholder(index));
        }
        engine.appendEvents(event("after", 0));

        assertThat(engine.readEvents(null, false).map(event -> ((Noted) event.getPayload()).text()))
                .containsExactly("after@0");
    }

    /**
     * Commands that lose a race leave their indexes abandoned; when they come last, a tracker's token cannot move past
     * them (a token moves only with an event). Polling again must not read the whole run again each time.
     */
    @Test
    void givenAbandonedIndexesAfterTheLastEvent_whenATrackerPollsAgain_thenItReadsOnlyPastThem() {
        engine.appendEvents(event("before", 0));
        var events = database.getCollection(LedgerEventStorageEngine.EVENTS);
        for (long index = 1; index <= 350; index++) {
            events.insertOne(EventDocuments.placeholder(index));
        }
        TrackingToken afterBefore =
                engine.readEvents(null, false).toList().get(0).trackingToken();
        AtomicInteger indexesAsked = new AtomicInteger();
        try (MongoClient listening = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestStore.uri()))
                .addCommandListener(countingIndexesAsked(indexesAsked))
                .build())) {
            LedgerEventStorageEngine tracker = pausingEngine(listening.getDatabase(database.getName()), index -> {});

            assertThat(tracker.fetchTrackedEvents(afterBefore, 100)).isEmpty();
            assertThat(indexesAsked.getAndSet(0))
                    .as("the first poll reads the run")
                    .isGreaterThan(350);
            assertThat(tracker.fetchTrackedEvents(afterBefore, 100)).isEmpty();
            assertThat(indexesAsked.get())
                    .as("the next poll reads one idle window past the run")
                    .isLessThanOrEqualTo(32);

            engine.appendEvents(event("after", 0));
            assertThat(tracker.fetchTrackedEvents(afterBefore, 100))
                    .as("an event stored after the run is still read")
                    .extracting(tracked -> ((DomainEventData<?>) tracked).getAggregateIdentifier())
                    .containsExactly("after");
        }
    }

    @Test
    void givenAHeadToken_whenNewEventsArrive_thenOnlyTheyAreRead() {
        engine.appendEvents(event("old", 0));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(event("new", 0));

        assertThat(engine.readEvents(head, false).map(event -> ((Noted) event.getPayload()).text()))
                .containsExactly("new@0");
    }

    /** Counts the global indexes the engine's reads of the event log ask for ({@code _id}, one or {@code $in}). */
    private static CommandListener countingIndexesAsked(AtomicInteger indexesAsked) {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent started) {
                var command = started.getCommand();
                if (command.containsKey("find")
                        && LedgerEventStorageEngine.EVENTS.equals(
                                command.getString("find").getValue())) {
                    var id = command.getDocument("filter").get("_id");
                    if (id != null) {
                        indexesAsked.addAndGet(
                                id.isDocument() && id.asDocument().containsKey("$in")
                                        ? id.asDocument().getArray("$in").size()
                                        : 1);
                    }
                }
            }
        };
    }

    /** A commit of {@code size} events of one aggregate, stored at indexes from 0 on, as a writer numbers it. */
    private List<Document> numberedCommit(String aggregate, int size) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence = 0; sequence < size; sequence++) {
            events.add(event(aggregate, sequence));
        }
        List<Document> commit = EventDocuments.forCommit(events, EventStoreConfiguration.jacksonSerializer());
        EventWriter.number(commit, 0);
        new GlobalSequence(database.getCollection(LedgerEventStorageEngine.SEQUENCES)).advancePast(size - 1);
        return commit;
    }

    /** An engine whose first commit, once its indexes are allocated, waits for {@code resume} before it inserts. */
    private LedgerEventStorageEngine stallingOnFirstAllocation(CountDownLatch allocated, CountDownLatch resume) {
        return pausingEngine(database, index -> {
            if (allocated.getCount() > 0) {
                allocated.countDown();
                await(resume);
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
