package org.meshledger.platform.eventstore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the ledger waits for its store. The driver's defaults wait for ever for an answer and two minutes for a
 * connection, so a stopped store would hang every request; bounded, a request fails within
 * {@code readTimeout} and is answered 503. Options given in the connection URI win over these.
 *
 * @param connectTimeout opening a connection
 * @param readTimeout one answer from the store; longer than any single read or write the ledger makes
 * @param serverSelectionTimeout finding the store at all (stopped, restarting, no primary)
 * @param poolWaitTimeout waiting for a free connection of the pool
 * @param healthTimeout the health probe's ping, short so that health answers DOWN while requests still wait
 */
@ConfigurationProperties("meshledger.store.connection")
public record StoreConnection(
        Duration connectTimeout,
        Duration readTimeout,
        Duration serverSelectionTimeout,
        Duration poolWaitTimeout,
        Duration healthTimeout) {

    public StoreConnection {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(5) : serverSelectionTimeout;
        poolWaitTimeout = poolWaitTimeout == null ? Duration.ofSeconds(5) : poolWaitTimeout;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
    }

    /** Applied before the connection URI, so that an option the URI sets replaces the bound given here. */
    MongoClientSettingsBuilderCustomizer bounds() {
        return settings -> settings.applyToSocketSettings(
                        socket -> socket.connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster ->
                        cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(
                        pool -> pool.maxWaitTime(poolWaitTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
