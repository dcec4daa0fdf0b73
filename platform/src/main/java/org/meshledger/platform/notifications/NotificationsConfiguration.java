package org.meshledger.platform.notifications;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where notifications may go, the secrets they are signed with and the outbox they wait in, over the event store's own
 * database: none of it is a view a rebuild may drop.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationsConfiguration {

    @Bean
    public WebhookTargets webhookTargets(
            @Value("${meshledger.notifications.allow-http:false}") boolean allowHttp,
            @Value("${meshledger.notifications.allowed-private-targets:}") List<String> allowedPrivateTargets) {
        return new WebhookTargets(allowHttp, allowedPrivateTargets, InetAddress::getAllByName);
    }

    @Bean
    public Outbox outbox(MongoClient mongoClient, StoreProperties properties, Clock clock) {
        MongoDatabase database = mongoClient.getDatabase(properties.database());
        return new Outbox(
                database.getCollection(Outbox.DELIVERIES),
                database.getCollection(Outbox.QUEUE),
                database.getCollection(Outbox.DISABLED),
                database.getCollection(Outbox.RECENT),
                clock);
    }

    @Bean
    public SubscriptionSecrets subscriptionSecrets(
            MongoClient mongoClient,
            StoreProperties properties,
            Clock clock,
            @Value("${meshledger.notifications.secret-key:}") String secretKey) {
        MongoDatabase database = mongoClient.getDatabase(properties.database());
        return new SubscriptionSecrets(
                database.getCollection(SubscriptionSecrets.COLLECTION),
                SecretEncryptionKey.configuredOrStored(secretKey, database.getCollection("subscription_secret_key")),
                clock);
    }
}
