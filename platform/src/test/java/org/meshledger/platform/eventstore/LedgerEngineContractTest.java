package org.meshledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;

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

    @Test
    void givenAHeadToken_whenNewEventsArrive_thenOnlyTheyAreRead() {
        engine.appendEvents(event("old", 0));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(event("new", 0));

        assertThat(engine.readEvents(head, false).map(event -> ((Noted) event.getPayload()).text()))
                .containsExactly("new@0");
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
