package org.meshledger.platform.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger keeps its data. Events and snapshots live in {@code database}; views and the tracking tokens that
 * say how far each view has read live in {@code viewsDatabase}, so dropping that database rebuilds every view.
 *
 * @param engine {@code ledger} (the product's own engine); {@code extension} runs the Axon Mongo extension's engine,
 *     kept only as the peer the benchmark and the skipped-event test measure against
 * @param gapTimeout how long a reader waits for an allocated global index to be stored before it gives the index up
 * @param batchSize how many events one read of the event log returns at most
 * @param lookBack the extension engine's look-back window (an insert later than this is skipped by it)
 * @param fetchDelay how long an idle event stream waits before it asks the store again
 */
@ConfigurationProperties("meshledger.store")
public record StoreProperties(
        String database,
        String viewsDatabase,
        String engine,
        Duration gapTimeout,
        Integer batchSize,
        Duration lookBack,
        Duration fetchDelay) {

    public StoreProperties {
        database = database == null ? "meshledger" : database;
        viewsDatabase = viewsDatabase == null ? "meshledger_views" : viewsDatabase;
        engine = engine == null ? "ledger" : engine;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        batchSize = batchSize == null ? 1000 : batchSize;
        lookBack = lookBack == null ? Duration.ofSeconds(10) : lookBack;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(20) : fetchDelay;
    }

    public boolean extensionEngine() {
        return "extension".equals(engine);
    }
}
