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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.platform.notifications.DeliveryAttempt;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.notifications.QueuedDelivery;
import org.meshledger.platform.notifications.SubscriptionSecrets;
import org.meshledger.platform.notifications.WebhookTargets;
import org.meshledger.query.subscriptions.SubscriptionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    void sendDue() {
        Instant now = clock.instant();
        List<QueuedDelivery> queued = outbox.queued();
        metrics.waiting(queued, now);
        Map<String, QueuedDelivery> heads = new LinkedHashMap<>();
        queued.forEach(item -> heads.putIfAbsent(item.line(), item));
        Map<String, Integer> inFlightBySubscription = new HashMap<>();
        linesInFlight.forEach(
                line -> inFlightBySubscription.merge(line.substring(0, line.indexOf('|')), 1, Integer::sum));
        Map<String, Optional<Target>> known = new HashMap<>();
        for (QueuedDelivery head : heads.values()) {
            if (linesInFlight.size() >= settings.mostInFlight()) {
                return;
            }
            if (linesInFlight.contains(head.line())
                    || !head.dueAt(now)
                    || inFlightBySubscription.getOrDefault(head.subscriptionId(), 0)
                            >= settings.mostInFlightPerSubscription()) {
                continue;
            }
            Optional<Target> target = known.computeIfAbsent(head.subscriptionId(), id -> target(id, now));
            if (target.isEmpty() || !outbox.claim(head.deliveryId(), now.plus(settings.lease()))) {
                continue;
            }
            linesInFlight.add(head.line());
            inFlightBySubscription.merge(head.subscriptionId(), 1, Integer::sum);
            send(head, target.get());
        }
    }

    /** Where a subscription's notifications go and the keys they are signed with; empty while it is not to be sent to. */
    private Optional<Target> target(String subscriptionId, Instant now) {
        SubscriptionRecord subscription = views.findById(subscriptionId, SubscriptionRecord.class);
        if (subscription == null
                || subscription.status() != SubscriptionRecord.Status.ACTIVE
                || outbox.disabledBecause(subscriptionId).isPresent()) {
            return Optional.empty();
        }
        List<byte[]> signing = new ArrayList<>();
        key(subscription.keyId()).ifPresent(signing::add);
        if (subscription.previousKeyId() != null
                && subscription.previousKeyValidUntil() != null
                && now.isBefore(subscription.previousKeyValidUntil())) {
            key(subscription.previousKeyId()).ifPresent(signing::add);
        }
        return signing.isEmpty() ? Optional.empty() : Optional.of(new Target(subscription.url(), signing));
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

    private void send(QueuedDelivery item, Target target) {
        Instant startedAt = clock.instant();
        Optional<String> body = outbox.body(item.deliveryId());
        if (body.isEmpty()) {
            linesInFlight.remove(item.line());
            return;
        }
        URI uri;
        try {
            uri = targets.check(target.url());
        } catch (RuleViolation | WebhookTargets.InvalidTarget refused) {
            settle(item, startedAt, new WebhookClient.Answer(null, 0, refused.getMessage()));
            return;
        }
        client.post(uri, headers(item.deliveryId(), startedAt, body.get(), target.keys()), body.get())
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

    private void settle(QueuedDelivery item, Instant startedAt, WebhookClient.Answer answer) {
        try {
            DeliveryAttempt attempt =
                    new DeliveryAttempt(startedAt, answer.statusCode(), answer.latencyMs(), answer.error());
            String outcome = outcome(item, answer);
            if (answer.received()) {
                outbox.delivered(item.deliveryId(), attempt);
            } else if (answer.gone()) {
                outbox.disable(
                        item.subscriptionId(),
                        "The receiver answered 410 Gone at %s; resume the subscription to send again"
                                .formatted(startedAt));
                outbox.retryAt(item.deliveryId(), attempt, clock.instant());
            } else if (outcome.equals(DEAD)) {
                outbox.dead(item.deliveryId(), attempt);
            } else {
                outbox.retryAt(item.deliveryId(), attempt, clock.instant().plus(withJitter(item.tries())));
            }
            outbox.noteRecent(item, attempt, outcome);
            metrics.counted(outcome.toLowerCase(Locale.ROOT));
        } catch (RuntimeException unrecorded) {
            // the lease runs out and the notification is sent again: a repeat, never a loss
            log.warn(
                    "The outcome of notification {} could not be recorded: {}",
                    item.deliveryId(),
                    unrecorded.toString());
        } finally {
            linesInFlight.remove(item.line());
            wake();
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
