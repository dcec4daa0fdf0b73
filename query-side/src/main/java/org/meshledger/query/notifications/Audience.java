package org.meshledger.query.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.NotificationKind;
import org.meshledger.api.model.SubscriptionScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who is to hear of a product's change, as the notifications' processor has read the log so far: the subscriptions
 * and the consumer registrations as they stood at the event being read, not as they stand now, so a rebuild tells
 * the same subscriptions the same things.
 */
@Component
class Audience {

    @Document("notification_subscriptions")
    record Subscriber(
            @Id String subscriptionId,
            String subscriberTeam,
            List<String> kinds,
            SubscriptionScope scope,
            Instant createdAt) {

        boolean wants(NotificationKind kind) {
            return kinds == null || kinds.isEmpty() || kinds.contains(kind.type());
        }

        /** A subscription hears of what happens after it was made, never of what came before. */
        boolean madeBy(Instant happened) {
            return createdAt == null || !happened.isBefore(createdAt);
        }
    }

    @Document("notification_consumers")
    record Consumer(@Id String key, String productId, String consumerTeam, int contractMajor) {}

    private final MongoTemplate mongo;

    Audience(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void subscribed(Subscriber subscriber) {
        mongo.save(subscriber);
    }

    void unsubscribed(String subscriptionId) {
        mongo.remove(Query.query(Criteria.where("_id").is(subscriptionId)), Subscriber.class);
    }

    void consumes(String productId, String team, int major) {
        mongo.save(new Consumer(key(productId, team, major), productId, team, major));
    }

    void stopsConsuming(String productId, String team, int major) {
        mongo.remove(Query.query(Criteria.where("_id").is(key(productId, team, major))), Consumer.class);
    }

    /**
     * The subscriptions that asked for {@code kind} about {@code productId}: those of the product, its domain and
     * the mesh, and those following a team that consumes it ({@code major}, when given, narrows that to the
     * consumers of one contract major), made by the time it {@code happened}.
     */
    List<Subscriber> of(String productId, NotificationKind kind, Optional<Integer> major, Instant happened) {
        List<Subscriber> interested = mongo.findAll(Subscriber.class).stream()
                .filter(s -> s.wants(kind) && s.madeBy(happened))
                .toList();
        if (interested.isEmpty()) {
            return interested;
        }
        Set<String> consumers = interested.stream().anyMatch(s -> s.scope().consumedBy() != null)
                ? consumersOf(productId, major)
                : Set.of();
        String domain = Ids.domainOf(productId);
        return interested.stream()
                .filter(s -> reaches(s.scope(), productId, domain, consumers))
                .toList();
    }

    void forgetAll() {
        mongo.dropCollection(Subscriber.class);
        mongo.dropCollection(Consumer.class);
    }

    private Set<String> consumersOf(String productId, Optional<Integer> major) {
        Criteria ofProduct = Criteria.where("productId").is(productId);
        Criteria wanted = major.map(m -> ofProduct.and("contractMajor").is(m)).orElse(ofProduct);
        return mongo.find(Query.query(wanted), Consumer.class).stream()
                .map(Consumer::consumerTeam)
                .collect(Collectors.toSet());
    }

    private static boolean reaches(SubscriptionScope scope, String productId, String domain, Set<String> consumers) {
        if (scope.consumedBy() != null) {
            return consumers.contains(scope.consumedBy());
        }
        if (scope.product() != null) {
            return scope.product().equals(productId);
        }
        if (scope.domain() != null) {
            return scope.domain().equals(domain);
        }
        return Boolean.TRUE.equals(scope.mesh());
    }

    private static String key(String productId, String team, int major) {
        return productId + "|" + team + "|" + major;
    }
}
