package org.meshledger.platform.health;

import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.meshledger.platform.eventstore.StoreConnection;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Up when the event store's database answers a ping: the one command both MongoDB and the embedded store speak. */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient mongoClient;
    private final StoreProperties store;
    private final StoreConnection connection;

    StoreHealthIndicator(MongoClient mongoClient, StoreProperties store, StoreConnection connection) {
        super("The event store did not answer a ping");
        this.mongoClient = mongoClient;
        this.store = store;
        this.connection = connection;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // bounded on its own: a probe waiting as long as requests do would still say UP while they fail
        mongoClient
                .getDatabase(store.database())
                .withTimeout(connection.healthTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .runCommand(new Document("ping", 1));
        builder.up().withDetail("database", store.database());
    }
}
