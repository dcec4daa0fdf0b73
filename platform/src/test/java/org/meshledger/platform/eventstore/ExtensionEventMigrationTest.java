package org.meshledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
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
        LedgerEventStorageEngine ledger = LedgerEventStorageEngine.builder()
                .database(migrated)
                .eventSerializer(EventStoreConfiguration.jacksonSerializer())
                .snapshotSerializer(EventStoreConfiguration.snapshotSerializer())
                .build();
        List<? extends TrackedEventMessage<?>> tracked =
                ledger.readEvents(null, false).toList();
        assertThat(tracked)
                .extracting(event -> ((Noted) event.getPayload()).text())
                .containsExactlyElementsOf(written);
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

    private static MongoDatabase database() {
        return TestStore.client()
                .getDatabase("migration_" + UUID.randomUUID().toString().replace("-", ""));
    }
}
