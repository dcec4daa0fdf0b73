package org.meshledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestStore;

/**
 * What any event storage engine of the ledger must do, run against the ledger's engine and against the Axon Mongo
 * extension's engine it replaced: append, read a stream from a sequence, snapshots, tracking from a token, and
 * conflicts between writers that do not see each other (two engines on one database, as two processes would be).
 */
abstract class EventStorageEngineContract {

    record Noted(String text) {}

    protected MongoDatabase database;
    protected EventStorageEngine engine;

    protected abstract EventStorageEngine engineOn(MongoDatabase database);

    @BeforeEach
    void freshDatabase() {
        database = TestStore.client()
                .getDatabase("engine_" + UUID.randomUUID().toString().replace("-", ""));
        engine = engineOn(database);
    }

    static DomainEventMessage<Noted> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new Noted(aggregate + "@" + sequence));
    }

    static List<String> texts(List<? extends DomainEventMessage<?>> events) {
        return events.stream().map(event -> ((Noted) event.getPayload()).text()).toList();
    }

    @Test
    void givenAStream_whenReadFromASequence_thenTheEventsFromThereOnInOrder() {
        for (long sequence = 0; sequence < 5; sequence++) {
            engine.appendEvents(event("a", sequence));
        }
        engine.appendEvents(event("b", 0));

        assertThat(texts(engine.readEvents("a", 2).asStream().toList())).containsExactly("a@2", "a@3", "a@4");
        assertThat(texts(engine.readEvents("a").asStream().toList())).hasSize(5);
        assertThat(engine.readEvents("missing").hasNext()).isFalse();
        assertThat(engine.lastSequenceNumberFor("a")).contains(4L);
        assertThat(engine.lastSequenceNumberFor("missing")).isEmpty();
    }

    @Test
    void givenALongStream_whenRead_thenEveryEventComesBackAcrossBatches() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence = 0; sequence < 1_500; sequence++) {
            events.add(event("long", sequence));
        }
        for (int from = 0; from < events.size(); from += 100) {
            engine.appendEvents(events.subList(from, from + 100));
        }

        List<? extends DomainEventMessage<?>> read =
                engine.readEvents("long").asStream().toList();
        assertThat(read).hasSize(1_500);
        assertThat(read.get(1_499).getSequenceNumber()).isEqualTo(1_499);
        assertThat(engine.lastSequenceNumberFor("long")).contains(1_499L);
    }

    @Test
    void givenAStoredSequence_whenAnotherWriterAppendsItAgain_thenItConflictsAndNothingInterleaves() {
        EventStorageEngine otherProcess = engineOn(database);
        engine.appendEvents(event("a", 0), event("a", 1));

        assertThatThrownBy(() -> otherProcess.appendEvents(event("a", 1))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> otherProcess.appendEvents(event("a", 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(texts(engine.readEvents("a").asStream().toList())).containsExactly("a@0", "a@1");
    }

    @Test
    void givenManyWritersRacingForTheSameSequences_whenTheyAppend_thenExactlyOneWinsEachSequence() throws Exception {
        List<EventStorageEngine> processes = List.of(engine, engineOn(database), engineOn(database));
        ExecutorService writers = Executors.newFixedThreadPool(6);
        Set<Long> won = ConcurrentHashMap.newKeySet();
        List<Long> doubleWins = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int writer = 0; writer < 6; writer++) {
            EventStorageEngine process = processes.get(writer % processes.size());
            writers.submit(() -> {
                start.await();
                for (long sequence = 0; sequence < 30; sequence++) {
                    try {
                        process.appendEvents(event("contested", sequence));
                        if (!won.add(sequence)) {
                            synchronized (doubleWins) {
                                doubleWins.add(sequence);
                            }
                        }
                    } catch (ConcurrencyException | AggregateStreamCreationException lost) {
                        // another writer holds this sequence
                    }
                }
                return null;
            });
        }
        start.countDown();
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(doubleWins).isEmpty();
        assertThat(won).hasSize(30);
        assertThat(engine.readEvents("contested").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, 30).boxed().toList());
    }

    @Test
    void givenASnapshot_whenRead_thenItIsTheLatestAndTheEventsStayReadable() {
        for (long sequence = 0; sequence < 6; sequence++) {
            engine.appendEvents(event("a", sequence));
        }
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 3, new Noted("state@3")));

        assertThat(engine.readSnapshot("a")).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(3);
            assertThat(((Noted) snapshot.getPayload()).text()).isEqualTo("state@3");
        });
        assertThat(texts(engine.readEvents("a", 4).asStream().toList())).containsExactly("a@4", "a@5");
        assertThat(texts(engine.readEvents("a").asStream().toList()))
                .as("a snapshot never replaces the events it summarises: the audit trail reads them all")
                .hasSize(6);
        assertThat(engine.readSnapshot("b")).isEmpty();
    }

    @Test
    void givenEventsOnManyStreams_whenTrackedFromATokenInTheMiddle_thenExactlyTheRestInOrderOfWriting() {
        List<String> written = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String aggregate : List.of("a", "b", "c", "d")) {
                engine.appendEvents(event(aggregate, round));
                written.add(aggregate + "@" + round);
            }
        }

        List<? extends TrackedEventMessage<?>> all =
                engine.readEvents(null, false).toList();
        assertThat(all.stream().map(event -> ((Noted) event.getPayload()).text()))
                .containsExactlyElementsOf(written);

        TrackingToken afterFifth = all.get(4).trackingToken();
        assertThat(engine.readEvents(afterFifth, false).map(event -> ((Noted) event.getPayload()).text()))
                .containsExactlyElementsOf(written.subList(5, written.size()));
        assertThat(engine.readEvents(all.get(all.size() - 1).trackingToken(), false))
                .isEmpty();
    }

    @Test
    void givenEventsWrittenByAnotherProcess_whenTracked_thenEachIsReadOnce() {
        EventStorageEngine otherProcess = engineOn(database);
        for (int index = 0; index < 250; index++) {
            (index % 2 == 0 ? engine : otherProcess).appendEvents(event("s" + index, 0));
        }

        List<String> read = engine.readEvents(null, false)
                .map(event -> ((Noted) event.getPayload()).text())
                .toList();
        assertThat(read).hasSize(250);
        assertThat(read.stream().collect(Collectors.toSet())).hasSize(250);
    }

    /**
     * Two processes taking commands at full speed, four threads each, every command on a stream of its own: their
     * writes land on the same stretch of the log at once, and not one of them may fail for it.
     */
    @Test
    void givenTwoProcessesAppendingAtOnce_whenEveryCommandIsOnANewStream_thenEveryAppendSucceedsAndIsTrackedOnce()
            throws Exception {
        List<EventStorageEngine> processes = List.of(engine, engineOn(database));
        int threads = 8;
        int perThread = 150;
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> appends = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            EventStorageEngine process = processes.get(thread % processes.size());
            String writer = "w" + thread + "-";
            appends.add(writers.submit(() -> {
                start.await();
                for (int command = 0; command < perThread; command++) {
                    process.appendEvents(event(writer + command, 0));
                }
                return null;
            }));
        }
        start.countDown();
        writers.shutdown();
        for (Future<?> append : appends) {
            append.get(120, TimeUnit.SECONDS);
        }

        List<String> read = engine.readEvents(null, false)
                .map(event -> ((Noted) event.getPayload()).text())
                .toList();
        assertThat(read).hasSize(threads * perThread);
        assertThat(Set.copyOf(read)).hasSize(threads * perThread);
    }
}
