package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.meshledger.platform.testing.TestStore;

/** The same contract against the Axon Mongo extension's engine, the peer the ledger's engine is measured against. */
class ExtensionEngineContractTest extends EventStorageEngineContract {

    @Override
    protected EventStorageEngine engineOn(MongoDatabase database) {
        StoreProperties properties =
                new StoreProperties(database.getName(), null, "extension", null, 100, Duration.ofSeconds(1), null);
        return EventStoreConfiguration.extensionEngine(
                TestStore.client(),
                properties,
                NoTransactionManager.INSTANCE,
                EventStoreConfiguration.jacksonSerializer());
    }
}
