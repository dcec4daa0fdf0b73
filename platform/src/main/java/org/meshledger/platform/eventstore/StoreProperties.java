package org.meshledger.platform.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger keeps its data. Events and snapshots live in {@code database}; views and the tracking tokens that
 * say how far each view has read live in {@code viewsDatabase}, so dropping that database rebuilds every view.
 *
 * @param lookBack how long a tracking processor keeps looking back for events whose insert landed late; an insert
 *     later than this is skipped by the extension's engine (a known limit this product replaces)
 * @param fetchDelay how long an idle event stream waits before it asks the store again
 */
@ConfigurationProperties("meshledger.store")
public record StoreProperties(String database, String viewsDatabase, Duration lookBack, Duration fetchDelay) {

    public StoreProperties {
        database = database == null ? "meshledger" : database;
        viewsDatabase = viewsDatabase == null ? "meshledger_views" : viewsDatabase;
        lookBack = lookBack == null ? Duration.ofSeconds(10) : lookBack;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
    }
}
