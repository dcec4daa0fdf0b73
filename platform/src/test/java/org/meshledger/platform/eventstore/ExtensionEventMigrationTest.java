package org.meshledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestStore;

class ExtensionEventMigrationTest {

    record Noted(String text) {}

    @Test
    void givenEventsInTheExtensionsFormat_whenMigrated_thenTheLedgerReadsTheSameEventsInTheSameOrder() {
        MongoDatabase old = database();
        MongoDatabase migrated = database();
        EventStorageEngine extension = EventStoreConfiguration.extensionEngine(
                TestStore.client(),
                new StoreProperties(old.getName(), null, "extension", null, 100, Duration.ofSeconds(1), null),
                NoTransactionManager.INSTANCE,
                EventStoreConfiguration.jacksonSerializer());
        List<String> written = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (String aggregate : List.of("claims.a", "claims.b", "claims.c")) {
                extension.appendEvents(new GenericDomainEventMessage<>(
                        "DataProduct",
                        aggregate,
                        round,
                        new Noted(aggregate + "@" + round),
                        MetaData.with("actor", "steward@example.org")));
                written.add(aggregate + "@" + round);
            }
        }

        ExtensionEventMigration.Result result =
                ExtensionEventMigration.migrate(old.getCollection(ExtensionEventMigration.EXTENSION_EVENTS), migrated);

        assertThat(result.events()).isEqualTo(12);
        assertThat(result.aggregates()).isEqualTo(3);
        LedgerEventStorageEngine ledger = ledgerOn(migrated);
        List<? extends TrackedEventMessage<?>> tracked = readAllNoted(ledger, written);
        assertThat(tracked.get(0).getMetaData()).containsEntry("actor", "steward@example.org");
        List<? extends DomainEventMessage<?>> stream =
                ledger.readEvents("claims.b").asStream().toList();
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);

        ledger.appendEvents(new GenericDomainEventMessage<>("DataProduct", "claims.b", 4, new Noted("after")));
        assertThat(ledger.readEvents(tracked.get(11).trackingToken(), false))
                .as("new events take indexes after the migrated ones")
                .extracting(event -> ((Noted) event.getPayload()).text())
                .containsExactly("after");
        assertThatThrownBy(() -> ExtensionEventMigration.migrate(
                        old.getCollection(ExtensionEventMigration.EXTENSION_EVENTS), migrated))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds events");
    }

    private static LedgerEventStorageEngine ledgerOn(MongoDatabase database) {
        return LedgerEventStorageEngine.builder()
                .database(database)
                .eventSerializer(EventStoreConfiguration.jacksonSerializer())
                .snapshotSerializer(EventStoreConfiguration.snapshotSerializer())
                .build();
    }

    /** Every event from the start of the log, asserted to be notes with exactly these texts in this order. */
    private static List<? extends TrackedEventMessage<?>> readAllNoted(
            LedgerEventStorageEngine ledger, List<String> texts) {
        List<? extends TrackedEventMessage<?>> tracked =
                ledger.readEvents(null, false).toList();
        assertThat(tracked)
                .extracting(event -> ((Noted) event.getPayload()).text())
                .containsExactlyElementsOf(texts);
        return tracked;
    }

    private static MongoDatabase database() {
        return TestStore.client()
                .getDatabase("migration_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void
            givenEntriesNeverStoredByTheExtension_whenCopiedInBatches_thenTheLedgerHoldsThemContiguouslyAndAppendsAfterThem() {
        MongoDatabase copied = database();
        int count = 2_500;
        Serializer serializer = EventStoreConfiguration.jacksonSerializer();
        Iterator<Document> entries = IntStream.range(0, count)
                .mapToObj(index -> new EventEntry(
                                new GenericDomainEventMessage<>(
                                        "DataProduct",
                                        "copied." + index % 7,
                                        index / 7,
                                        new Noted("event " + index),
                                        MetaData.emptyInstance(),
                                        UUID.randomUUID().toString(),
                                        Instant.parse("2026-01-01T00:00:00Z").plusMillis(index)),
                                serializer)
                        .asDocument(EventEntryConfiguration.getDefault()))
                .iterator();

        ExtensionEventMigration.Result result = ExtensionEventMigration.copy(entries, copied);

        assertThat(result.events()).isEqualTo(count);
        assertThat(result.aggregates()).isEqualTo(7);
        LedgerEventStorageEngine ledger = ledgerOn(copied);
        List<? extends TrackedEventMessage<?>> tracked = readAllNoted(
                ledger,
                IntStream.range(0, count).mapToObj(index -> "event " + index).toList());
        ledger.appendEvents(new GenericDomainEventMessage<>("DataProduct", "copied.0", 358, new Noted("after")));
        long lastCopied = tracked.get(count - 1).trackingToken().position().orElseThrow();
        assertThat(ledger.readEvents(tracked.get(count - 1).trackingToken(), false))
                .as("the next index is the one after the last copied: no gap for a tracker to wait on")
                .extracting(event -> event.trackingToken().position().orElseThrow())
                .containsExactly(lastCopied + 1);
    }
}
