package org.meshledger.platform.notifications;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The notifications still to send and every one ever written, kept beside the events (not with the views, which a
 * rebuild drops): writing one twice keeps the first, so a processor that reads the log again sends nothing again.
 * The log holds each notification with its attempts; the queue, only those still pending, small while subscribers
 * answer, so the sender can read it whole and keep each subscription's line of a product in order.
 */
public final class Outbox {

    static final String DELIVERIES = "notification_deliveries";
    static final String QUEUE = "notification_queue";
    static final String DISABLED = "subscription_disablements";
    static final String RECENT = "notification_recent_attempts";
    /** Attempts a product's page lists: the latest, kept in one document by product id, read in one lookup. */
    static final int RECENT_ATTEMPTS = 10;

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> queue;
    private final MongoCollection<Document> disabled;
    private final MongoCollection<Document> recent;
    private final Clock clock;
    private final AtomicLong lastOrder = new AtomicLong();

    Outbox(
            MongoCollection<Document> deliveries,
            MongoCollection<Document> queue,
            MongoCollection<Document> disabled,
            MongoCollection<Document> recent,
            Clock clock) {
        this.deliveries = deliveries;
        this.queue = queue;
        this.disabled = disabled;
        this.recent = recent;
        this.clock = clock;
        deliveries.createIndex(
                Indexes.ascending("subscriptionId", "status", "order"), new IndexOptions().name("by_subscription"));
    }

    /**
     * Writes the notifications of one event, each unless it was written before: one write for the log and one for
     * the queue, whatever their number (the embedded store commits to disk once per write). @return those queued now
     *     (the new ones, and any written before but left unqueued)
     */
    public List<QueuedDelivery> writeAll(List<Delivery> written) {
        Map<String, Long> orders = new LinkedHashMap<>();
        List<Document> documents = new ArrayList<>();
        for (Delivery delivery : written) {
            long order = nextOrder();
            orders.put(delivery.deliveryId(), order);
            documents.add(new Document("_id", delivery.deliveryId())
                    .append("subscriptionId", delivery.subscriptionId())
                    .append("eventId", delivery.eventId())
                    .append("type", delivery.type())
                    .append("subject", delivery.subject())
                    .append("eventTime", Date.from(delivery.eventTime()))
                    .append("order", order)
                    .append("status", DeliveryStatus.PENDING.name())
                    .append("attempts", List.of())
                    .append("body", delivery.body())
                    .append("createdAt", Date.from(clock.instant())));
        }
        if (documents.isEmpty()) {
            return List.of();
        }
        Set<String> before = new HashSet<>();
        try {
            deliveries.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException partly) {
            for (BulkWriteError error : partly.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw partly;
                }
                before.add(documents.get(error.getIndex()).getString("_id"));
            }
            // written before: queue again only those left unqueued (the process stopped between the two writes)
            before.forEach(orders::remove);
            deliveries
                    .find(Filters.and(Filters.in("_id", before), Filters.eq("status", DeliveryStatus.PENDING.name())))
                    .projection(Projections.include("order"))
                    .forEach(pending -> orders.put(pending.getString("_id"), pending.getLong("order")));
        }
        List<Document> queued = new ArrayList<>();
        for (Delivery delivery : written) {
            Long order = orders.get(delivery.deliveryId());
            if (order != null) {
                queued.add(queueDocument(
                        delivery.deliveryId(), delivery.subscriptionId(), delivery.subject(), delivery.type(), order));
            }
        }
        insertQueued(queued);
        return queued.stream().map(Outbox::queuedDelivery).toList();
    }

    /** Every notification still to be sent, in the order they were written. */
    public List<QueuedDelivery> queued() {
        List<QueuedDelivery> pending = new ArrayList<>();
        for (Document item : queue.find()) {
            pending.add(queuedDelivery(item));
        }
        pending.sort(Comparator.comparingLong(QueuedDelivery::order));
        return pending;
    }

    /**
     * Takes for one sender, until {@code until}, those of the notifications no other sender holds, in one write.
     * @return the ids it took
     */
    public Set<String> claimAll(Collection<String> deliveryIds, Instant until) {
        if (deliveryIds.isEmpty()) {
            return Set.of();
        }
        String claim = UUID.randomUUID().toString();
        Date now = Date.from(clock.instant());
        queue.updateMany(
                Filters.and(
                        Filters.in("_id", deliveryIds),
                        Filters.or(Filters.eq("claimedUntil", null), Filters.lt("claimedUntil", now))),
                Updates.combine(Updates.set("claimedUntil", Date.from(until)), Updates.set("claimedBy", claim)));
        Set<String> taken = new HashSet<>();
        queue.find(Filters.and(Filters.in("_id", deliveryIds), Filters.eq("claimedBy", claim)))
                .projection(Projections.include("_id"))
                .forEach(found -> taken.add(found.getString("_id")));
        return taken;
    }

    /** The CloudEvents of notifications, as they are signed and sent, by id. */
    public Map<String, String> bodies(Collection<String> deliveryIds) {
        Map<String, String> bodies = new HashMap<>();
        deliveries
                .find(Filters.in("_id", deliveryIds))
                .projection(Projections.include("body"))
                .forEach(found -> bodies.put(found.getString("_id"), found.getString("body")));
        return bodies;
    }

    /**
     * Records what became of attempts, in a few writes however many they are: each attempt in its notification's
     * log, the settled ones out of the queue, the retried ones due again, and each product's latest attempts.
     */
    public void settleAll(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> logged = new ArrayList<>();
        List<WriteModel<Document>> requeued = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (Settlement settlement : settlements) {
            String id = settlement.item().deliveryId();
            Bson attempt = Updates.push("attempts", attemptDocument(settlement.attempt()));
            if (settlement.stillPending()) {
                logged.add(new UpdateOneModel<>(Filters.eq("_id", id), attempt));
                requeued.add(new UpdateOneModel<>(
                        Filters.eq("_id", id),
                        Updates.combine(
                                Updates.set("nextAttemptAt", Date.from(settlement.nextAttemptAt())),
                                Updates.set("claimedUntil", null),
                                Updates.inc("tries", 1))));
            } else {
                logged.add(new UpdateOneModel<>(
                        Filters.eq("_id", id),
                        Updates.combine(
                                attempt,
                                Updates.set("status", settlement.settledAs().name()))));
                done.add(id);
            }
        }
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        deliveries.bulkWrite(logged, unordered);
        if (!requeued.isEmpty()) {
            queue.bulkWrite(requeued, unordered);
        }
        if (!done.isEmpty()) {
            queue.deleteMany(Filters.in("_id", done));
        }
        noteRecent(settlements);
    }

    /** Gives up on a notification: it stays in the log, marked dead, and can be sent again by hand. */
    public void dead(String deliveryId, DeliveryAttempt attempt) {
        settle(deliveryId, attempt, DeliveryStatus.DEAD);
    }

    /** Sends a notification again, whatever became of it; false if the subscription has no such notification. */
    public boolean redeliver(String subscriptionId, String deliveryId) {
        if (deleted(subscriptionId)) {
            return false;
        }
        Document found = deliveries
                .find(Filters.and(Filters.eq("_id", deliveryId), Filters.eq("subscriptionId", subscriptionId)))
                .projection(Projections.include("subject", "type"))
                .first();
        if (found == null) {
            return false;
        }
        requeue(deliveryId, subscriptionId, found);
        return true;
    }

    /**
     * Sends again every notification of the subscription about an event at or after {@code since}; how many, or
     * empty for a deleted subscription.
     */
    public Optional<Integer> replay(String subscriptionId, Instant since) {
        if (deleted(subscriptionId)) {
            return Optional.empty();
        }
        List<Document> told = deliveries
                .find(Filters.and(
                        Filters.eq("subscriptionId", subscriptionId), Filters.gte("eventTime", Date.from(since))))
                .projection(Projections.include("subject", "type", "order"))
                .sort(Sorts.ascending("order"))
                .into(new ArrayList<>());
        told.forEach(delivery -> requeue(delivery.getString("_id"), subscriptionId, delivery));
        return Optional.of(told.size());
    }

    /** Keeps the attempts among their products' latest, which each product's page lists. */
    private void noteRecent(List<Settlement> settlements) {
        Map<String, List<Document>> byProduct = new LinkedHashMap<>();
        for (Settlement settlement : settlements) {
            QueuedDelivery item = settlement.item();
            DeliveryAttempt attempt = settlement.attempt();
            byProduct
                    .computeIfAbsent(item.subject(), product -> new ArrayList<>())
                    .add(new Document("at", Date.from(attempt.at()))
                            .append("subscriptionId", item.subscriptionId())
                            .append("deliveryId", item.deliveryId())
                            .append("type", item.type())
                            .append("outcome", settlement.outcome())
                            .append("statusCode", attempt.statusCode())
                            .append("latencyMs", attempt.latencyMs())
                            .append("error", attempt.error()));
        }
        List<WriteModel<Document>> noted = new ArrayList<>();
        byProduct.forEach((product, entries) -> {
            entries.sort(Comparator.comparing(entry -> entry.getDate("at")));
            noted.add(new UpdateOneModel<>(
                    Filters.eq("_id", product),
                    Updates.pushEach("attempts", entries, new PushOptions().slice(-RECENT_ATTEMPTS)),
                    new UpdateOptions().upsert(true)));
        });
        recent.bulkWrite(noted, new BulkWriteOptions().ordered(false));
    }

    /** A product's latest attempts to tell its subscribers, newest first. */
    public List<RecentAttempt> recentFor(String productId) {
        Document found = recent.find(Filters.eq("_id", productId)).first();
        if (found == null) {
            return List.of();
        }
        List<RecentAttempt> attempts = new ArrayList<>();
        for (Document entry : found.getList("attempts", Document.class)) {
            attempts.add(
                    0,
                    new RecentAttempt(
                            entry.getDate("at").toInstant(),
                            entry.getString("subscriptionId"),
                            entry.getString("deliveryId"),
                            entry.getString("type"),
                            entry.getString("outcome"),
                            entry.getInteger("statusCode"),
                            entry.getLong("latencyMs"),
                            entry.getString("error")));
        }
        return attempts;
    }

    /**
     * Stops what is queued for a deleted subscription: it stays in the log, dead, with the reason, and nothing of it
     * is sent again.
     */
    public void abandon(String subscriptionId, String reason) {
        Instant now = clock.instant();
        disabled.replaceOne(
                Filters.eq("_id", subscriptionId),
                new Document("_id", subscriptionId)
                        .append("at", Date.from(now))
                        .append("reason", reason)
                        .append("deleted", true),
                new ReplaceOptions().upsert(true));
        for (Document item :
                queue.find(Filters.eq("subscriptionId", subscriptionId)).into(new ArrayList<>())) {
            dead(item.getString("_id"), new DeliveryAttempt(now, null, 0, reason));
        }
    }

    /** One page of a subscription's notifications, newest first, of one status or all. */
    public List<Delivery> log(String subscriptionId, DeliveryStatus status, long offset, int limit) {
        List<Delivery> page = new ArrayList<>();
        deliveries
                .find(logFilter(subscriptionId, status))
                .sort(Sorts.descending("order"))
                .skip((int) offset)
                .limit(limit)
                .forEach(found -> page.add(delivery(found)));
        return page;
    }

    public long count(String subscriptionId, DeliveryStatus status) {
        return deliveries.countDocuments(logFilter(subscriptionId, status));
    }

    public Optional<Delivery> find(String deliveryId) {
        return Optional.ofNullable(
                        deliveries.find(Filters.eq("_id", deliveryId)).first())
                .map(Outbox::delivery);
    }

    private boolean deleted(String subscriptionId) {
        return disabled.countDocuments(Filters.and(Filters.eq("_id", subscriptionId), Filters.eq("deleted", true))) > 0;
    }

    /** The receiver answered 410 Gone: nothing more is sent until the subscription is resumed. */
    public void disable(String subscriptionId, String reason) {
        disabled.replaceOne(
                Filters.eq("_id", subscriptionId),
                new Document("_id", subscriptionId)
                        .append("at", Date.from(clock.instant()))
                        .append("reason", reason),
                new ReplaceOptions().upsert(true));
    }

    /** Why nothing is sent to the subscription (its receiver answered 410, or it was deleted), if so. */
    public Optional<String> disabledBecause(String subscriptionId) {
        return Optional.ofNullable(
                        disabled.find(Filters.eq("_id", subscriptionId)).first())
                .map(found -> found.getString("reason"));
    }

    /** Those of the subscriptions nothing is sent to (their receiver answered 410, or they were deleted). */
    public Set<String> disabledAmong(Collection<String> subscriptionIds) {
        Set<String> disabledOnes = new HashSet<>();
        disabled.find(Filters.in("_id", subscriptionIds))
                .projection(Projections.include("_id"))
                .forEach(found -> disabledOnes.add(found.getString("_id")));
        return disabledOnes;
    }

    /** Sends to the subscription again; true if it was disabled. */
    public boolean enable(String subscriptionId) {
        return disabled.deleteOne(Filters.and(Filters.eq("_id", subscriptionId), Filters.ne("deleted", true)))
                        .getDeletedCount()
                > 0;
    }

    private void requeue(String deliveryId, String subscriptionId, Document delivery) {
        deliveries.updateOne(Filters.eq("_id", deliveryId), Updates.set("status", DeliveryStatus.PENDING.name()));
        enqueue(deliveryId, subscriptionId, delivery.getString("subject"), delivery.getString("type"), nextOrder());
    }

    private void enqueue(String deliveryId, String subscriptionId, String subject, String type, long order) {
        insertQueued(List.of(queueDocument(deliveryId, subscriptionId, subject, type, order)));
    }

    private Document queueDocument(String deliveryId, String subscriptionId, String subject, String type, long order) {
        return new Document("_id", deliveryId)
                .append("subscriptionId", subscriptionId)
                .append("subject", subject)
                .append("type", type)
                .append("order", order)
                .append("nextAttemptAt", Date.from(clock.instant()))
                .append("claimedUntil", null)
                .append("tries", 0);
    }

    /** Queues what is not queued yet: a notification queued already stays as it is. */
    private void insertQueued(List<Document> queued) {
        if (queued.isEmpty()) {
            return;
        }
        try {
            queue.insertMany(queued, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException partly) {
            for (BulkWriteError error : partly.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw partly;
                }
            }
        }
    }

    private void settle(String deliveryId, DeliveryAttempt attempt, DeliveryStatus status) {
        deliveries.updateOne(
                Filters.eq("_id", deliveryId),
                Updates.combine(
                        Updates.push("attempts", attemptDocument(attempt)), Updates.set("status", status.name())));
        queue.deleteOne(Filters.eq("_id", deliveryId));
    }

    /**
     * Strictly increasing within this process, and close to the time of writing: another process's notifications of
     * the same line are written by whoever holds the processor's segment, a moment apart at least.
     */
    private long nextOrder() {
        long nowMicros = clock.instant().toEpochMilli() * 1000;
        LongUnaryOperator next = last -> Math.max(last + 1, nowMicros);
        return lastOrder.updateAndGet(next);
    }

    private static QueuedDelivery queuedDelivery(Document item) {
        return new QueuedDelivery(
                item.getString("_id"),
                item.getString("subscriptionId"),
                item.getString("subject"),
                item.getString("type"),
                item.getLong("order"),
                item.getDate("nextAttemptAt").toInstant(),
                Optional.ofNullable(item.getDate("claimedUntil"))
                        .map(Date::toInstant)
                        .orElse(null),
                item.getInteger("tries", 0));
    }

    private static Bson logFilter(String subscriptionId, DeliveryStatus status) {
        return status == null
                ? Filters.eq("subscriptionId", subscriptionId)
                : Filters.and(Filters.eq("subscriptionId", subscriptionId), Filters.eq("status", status.name()));
    }

    private static Document attemptDocument(DeliveryAttempt attempt) {
        return new Document("at", Date.from(attempt.at()))
                .append("statusCode", attempt.statusCode())
                .append("latencyMs", attempt.latencyMs())
                .append("error", attempt.error());
    }

    private static Delivery delivery(Document found) {
        List<DeliveryAttempt> attempts = found.getList("attempts", Document.class).stream()
                .map(attempt -> new DeliveryAttempt(
                        attempt.getDate("at").toInstant(),
                        attempt.getInteger("statusCode"),
                        attempt.getLong("latencyMs"),
                        attempt.getString("error")))
                .toList();
        return new Delivery(
                found.getString("_id"),
                found.getString("subscriptionId"),
                found.getString("eventId"),
                found.getString("type"),
                found.getString("subject"),
                found.getDate("eventTime").toInstant(),
                DeliveryStatus.valueOf(found.getString("status")),
                attempts,
                found.getString("body"));
    }
}
