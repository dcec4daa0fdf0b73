package org.meshledger.query.notifications;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.platform.notifications.DeliveryAttempt;
import org.meshledger.platform.notifications.DeliveryStatus;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.notifications.QueuedDelivery;
import org.meshledger.platform.notifications.Settlement;
import org.meshledger.platform.notifications.SubscriptionSecrets;
import org.meshledger.platform.notifications.WebhookTargets;
import org.meshledger.query.subscriptions.SubscriptionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Sends what waits in the outbox, signed per Standard Webhooks. Each subscription's notifications of one product go
 * one at a time in the order they were written; lines wait for nothing but themselves, so a receiver that is down or
 * slow delays only its own. A notification is claimed for a lease before it is sent: a sender that dies mid-send
 * leaves it to be sent again once the lease ends (a receiver may then see it twice, with the same id).
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** What came of an attempt, as the metrics count it and a product's page lists it. */
    static final String DELIVERED = "DELIVERED";

    static final String RETRYING = "RETRYING";
    static final String DEAD = "DEAD";
    static final String DISABLED = "DISABLED";

    private final Outbox outbox;
    private final MongoTemplate views;
    private final SubscriptionSecrets secrets;
    private final WebhookTargets targets;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final NotificationSettings settings;
    private final Set<String> linesInFlight = ConcurrentHashMap.newKeySet();
    private final Queue<Settlement> settled = new ConcurrentLinkedQueue<>();
    private final PendingNotifications pending = new PendingNotifications();
    /** When the pass thread next reads the whole queue; only that thread reads and moves it. */
    private Instant nextScan = Instant.MIN;

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final AtomicBoolean passWanted = new AtomicBoolean();
    private WebhookClient client;
    private ScheduledExecutorService passes;

    WebhookSender(
            Outbox outbox,
            MongoTemplate views,
            SubscriptionSecrets secrets,
            WebhookTargets targets,
            DeliveryMetrics metrics,
            Clock clock,
            NotificationSettings settings) {
        this.outbox = outbox;
        this.views = views;
        this.secrets = secrets;
        this.targets = targets;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
    }

    /** This process queued notifications: they are known without reading the queue, and looked at now. */
    void handOver(List<QueuedDelivery> queued) {
        if (!queued.isEmpty()) {
            pending.handOver(queued);
            wake();
        }
    }

    /** Something was written to the outbox: look now rather than at the next poll. */
    void wake() {
        if (passes != null && passWanted.compareAndSet(false, true)) {
            passes.execute(this::pass);
        }
    }

    private void pass() {
        passWanted.set(false);
        try {
            sendDue();
        } catch (RuntimeException failed) {
            if (passes.isShutdown()) {
                return; // stopped mid-pass, as the application shuts down
            }
            // the store may be away for a moment; what is queued stays queued
            log.warn("The outbox could not be read now: {}", failed.toString());
        }
    }

    /**
     * One pass: records what came of the attempts that ended since the last, then sends the heads of the lines that
     * are due, reading and claiming them a pass at a time (the embedded store commits each write to disk, so a write
     * per notification would cap the rate at the disk's).
     */
    void sendDue() {
        recordSettled();
        Instant now = clock.instant();
        if (!now.isBefore(nextScan)) {
            pending.scanStarted();
            pending.scanned(outbox.queued());
            nextScan = now.plus(settings.rescan());
        }
        List<QueuedDelivery> queued = pending.inOrder();
        metrics.waiting(queued, now);
        List<QueuedDelivery> chosen = dueHeads(queued, now);
        if (chosen.isEmpty()) {
            return;
        }
        Map<String, Target> targets =
                targets(chosen.stream().map(QueuedDelivery::subscriptionId).collect(Collectors.toSet()), now);
        chosen.removeIf(head -> !targets.containsKey(head.subscriptionId()));
        Set<String> claimed =
                outbox.claimAll(chosen.stream().map(QueuedDelivery::deliveryId).toList(), now.plus(settings.lease()));
        Map<String, String> bodies = outbox.bodies(claimed);
        for (QueuedDelivery head : chosen) {
            String body = bodies.get(head.deliveryId());
            if (claimed.contains(head.deliveryId()) && body != null) {
                linesInFlight.add(head.line());
                send(head, targets.get(head.subscriptionId()), body);
            } else {
                pending.heldElsewhere(head, now.plus(settings.lease()));
            }
        }
    }

    /** The first of each line, unless its line is in flight or it waits; within the limits on what is in flight. */
    private List<QueuedDelivery> dueHeads(List<QueuedDelivery> queued, Instant now) {
        Map<String, QueuedDelivery> heads = new LinkedHashMap<>();
        queued.forEach(item -> heads.putIfAbsent(item.line(), item));
        Map<String, Integer> inFlightBySubscription = new HashMap<>();
        linesInFlight.forEach(
                line -> inFlightBySubscription.merge(line.substring(0, line.indexOf('|')), 1, Integer::sum));
        int inFlight = linesInFlight.size();
        List<QueuedDelivery> chosen = new ArrayList<>();
        for (QueuedDelivery head : heads.values()) {
            if (inFlight >= settings.mostInFlight()) {
                break;
            }
            if (linesInFlight.contains(head.line())
                    || !head.dueAt(now)
                    || inFlightBySubscription.getOrDefault(head.subscriptionId(), 0)
                            >= settings.mostInFlightPerSubscription()) {
                continue;
            }
            chosen.add(head);
            inFlight++;
            inFlightBySubscription.merge(head.subscriptionId(), 1, Integer::sum);
        }
        return chosen;
    }

    /**
     * Where each subscription's notifications go and the keys they are signed with, read in two queries; a
     * subscription that is not to be sent to now (paused, disabled, deleted, without a key) is left out.
     */
    private Map<String, Target> targets(Set<String> subscriptionIds, Instant now) {
        Set<String> disabled = outbox.disabledAmong(subscriptionIds);
        Map<String, Target> targets = new HashMap<>();
        for (SubscriptionRecord subscription :
                views.find(Query.query(Criteria.where("_id").in(subscriptionIds)), SubscriptionRecord.class)) {
            if (subscription.status() != SubscriptionRecord.Status.ACTIVE
                    || disabled.contains(subscription.subscriptionId())) {
                continue;
            }
            List<byte[]> signing = new ArrayList<>();
            key(subscription.keyId()).ifPresent(signing::add);
            if (subscription.previousKeyId() != null
                    && subscription.previousKeyValidUntil() != null
                    && now.isBefore(subscription.previousKeyValidUntil())) {
                key(subscription.previousKeyId()).ifPresent(signing::add);
            }
            if (!signing.isEmpty()) {
                targets.put(subscription.subscriptionId(), new Target(subscription.url(), signing));
            }
        }
        return targets;
    }

    private Optional<byte[]> key(String keyId) {
        byte[] known = keys.get(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> found = secrets.key(keyId);
        found.ifPresent(key -> keys.put(keyId, key));
        return found;
    }

    private record Target(String url, List<byte[]> keys) {}

    private void send(QueuedDelivery item, Target target, String body) {
        Instant startedAt = clock.instant();
        URI uri;
        try {
            uri = targets.check(target.url());
        } catch (RuleViolation | WebhookTargets.InvalidTarget refused) {
            settle(item, startedAt, new WebhookClient.Answer(null, 0, refused.getMessage()));
            return;
        }
        client.post(uri, headers(item.deliveryId(), startedAt, body, target.keys()), body)
                .publishOn(Schedulers.boundedElastic())
                .subscribe(
                        answer -> settle(item, startedAt, answer),
                        failure -> settle(item, startedAt, new WebhookClient.Answer(null, 0, failure.toString())));
    }

    private static Map<String, String> headers(String id, Instant at, String body, List<byte[]> keys) {
        long timestamp = at.getEpochSecond();
        List<String> signatures = new ArrayList<>();
        for (byte[] key : keys) {
            try {
                signatures.add(new Webhook(key).sign(id, timestamp, body));
            } catch (WebhookSigningException unsignable) {
                throw new IllegalStateException("A notification could not be signed", unsignable);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CloudEventBodies.CONTENT_TYPE);
        headers.put("User-Agent", "MeshLedger-Webhooks/1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", String.join(" ", signatures));
        return headers;
    }

    /** An attempt ended: its outcome is recorded by the next pass, with every other that ended meanwhile. */
    private void settle(QueuedDelivery item, Instant startedAt, WebhookClient.Answer answer) {
        DeliveryAttempt attempt =
                new DeliveryAttempt(startedAt, answer.statusCode(), answer.latencyMs(), answer.error());
        String outcome = outcome(item, answer);
        settled.add(
                switch (outcome) {
                    case DELIVERED -> Settlement.settled(item, attempt, outcome, DeliveryStatus.DELIVERED);
                    case DEAD -> Settlement.settled(item, attempt, outcome, DeliveryStatus.DEAD);
                        // sent again once the subscription is resumed
                    case DISABLED -> Settlement.retried(item, attempt, outcome, clock.instant());
                    default -> Settlement.retried(
                            item, attempt, outcome, clock.instant().plus(withJitter(item.tries())));
                });
        wake();
    }

    private void recordSettled() {
        List<Settlement> ended = new ArrayList<>();
        for (Settlement next = settled.poll(); next != null; next = settled.poll()) {
            ended.add(next);
        }
        if (ended.isEmpty()) {
            return;
        }
        try {
            ended.stream()
                    .filter(settlement -> settlement.outcome().equals(DISABLED))
                    .forEach(settlement -> outbox.disable(
                            settlement.item().subscriptionId(),
                            "The receiver answered 410 Gone at %s; resume the subscription to send again"
                                    .formatted(settlement.attempt().at())));
            outbox.settleAll(ended);
            for (Settlement settlement : ended) {
                if (settlement.settledAs() == DeliveryStatus.PENDING) {
                    pending.retried(settlement.item(), settlement.nextAttemptAt());
                } else {
                    pending.settled(settlement.item().deliveryId());
                }
                metrics.counted(settlement.outcome().toLowerCase(Locale.ROOT));
            }
        } catch (RuntimeException unrecorded) {
            // their leases run out and they are sent again: a repeat, never a loss
            log.warn("The outcome of {} notifications could not be recorded: {}", ended.size(), unrecorded.toString());
        } finally {
            ended.forEach(settlement -> linesInFlight.remove(settlement.item().line()));
        }
    }

    private String outcome(QueuedDelivery item, WebhookClient.Answer answer) {
        if (answer.received()) {
            return DELIVERED;
        }
        if (answer.gone()) {
            return DISABLED;
        }
        return item.tries() >= settings.retrySchedule().size() ? DEAD : RETRYING;
    }

    /** The configured wait after the given number of failed attempts, give or take a tenth, so retries spread out. */
    private Duration withJitter(int failedBefore) {
        Duration wait = settings.retrySchedule().get(failedBefore);
        double factor = ThreadLocalRandom.current().nextDouble(0.9, 1.1);
        return Duration.ofMillis(Math.max(1, (long) (wait.toMillis() * factor)));
    }

    @Override
    public void start() {
        client = new WebhookClient(targets, settings.timeout());
        passes = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        passes.scheduleWithFixedDelay(
                this::pass, settings.poll().toMillis(), settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (passes != null) {
            passes.shutdownNow();
            client.close();
        }
    }

    @Override
    public boolean isRunning() {
        return passes != null && !passes.isShutdown();
    }
}
