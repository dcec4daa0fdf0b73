package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.platform.eventstore.EventStoreConfiguration;
import org.meshledger.platform.eventstore.StoreProperties;
import org.meshledger.platform.testing.TestStore;

class MigrateEventsCommandTest {

    @Test
    void givenAnExtensionEventCollection_whenTheCommandRuns_thenItReportsTheCopyAndRefusesASecondRun() {
        String from = "before_" + UUID.randomUUID().toString().replace("-", "");
        String to = "after_" + UUID.randomUUID().toString().replace("-", "");
        EventStorageEngine extension = EventStoreConfiguration.extensionEngine(
                TestStore.client(),
                new StoreProperties(from, null, "extension", null, 100, Duration.ofSeconds(1), null),
                NoTransactionManager.INSTANCE,
                EventStoreConfiguration.jacksonSerializer());
        for (long sequence = 0; sequence < 3; sequence++) {
            extension.appendEvents(new GenericDomainEventMessage<>(
                    "DataProduct",
                    "claims.moved",
                    sequence,
                    new OwnershipTransferred("claims.moved", "a", "b", "reorg", null, null)));
        }
        String[] args = {"--uri=" + TestStore.uri(), "--from-database=" + from, "--to-database=" + to};

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        int exit = MigrateEventsCommand.run(args, new PrintStream(first, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("Copied 3 events of 1 aggregates");
        MongoDatabase migrated = TestStore.client().getDatabase(to);
        assertThat(migrated.getCollection("events").countDocuments()).isEqualTo(3);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        assertThat(MigrateEventsCommand.run(args, new PrintStream(second, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("already holds events");
        assertThat(migrated.getCollection("events").countDocuments()).isEqualTo(3);
        assertThat(MigrateEventsCommand.run(new String[] {"--from-database=x"}, new PrintStream(second)))
                .isEqualTo(2);
    }
}
