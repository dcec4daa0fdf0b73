package org.meshledger.platform.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Up when the event store's database answers a ping: the one command both MongoDB and the embedded store speak. */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient mongoClient;
    private final StoreProperties store;

    StoreHealthIndicator(MongoClient mongoClient, StoreProperties store) {
        super("The event store did not answer a ping");
        this.mongoClient = mongoClient;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongoClient.getDatabase(store.database()).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", store.database());
    }
}
