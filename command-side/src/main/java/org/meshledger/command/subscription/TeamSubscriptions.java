package org.meshledger.command.subscription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.meshledger.api.command.ChangeSubscription;
import org.meshledger.api.command.CreateSubscription;
import org.meshledger.api.command.SubscriptionRecorded;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.event.SubscriptionCreated;
import org.meshledger.api.event.SubscriptionDeleted;
import org.meshledger.api.event.SubscriptionPaused;
import org.meshledger.api.event.SubscriptionResumed;
import org.meshledger.api.event.SubscriptionSecretRotated;

/**
 * One team's subscriptions, one aggregate so that its limit holds however many replicas take commands at once. Who
 * subscribed what, and when, is in its events; the secrets are not.
 */
@Aggregate
public class TeamSubscriptions {

    /** The most subscriptions a team may hold at once. */
    public static final int MOST_PER_TEAM = 100;
    /** How long a rotated-out secret still signs beside the new one, so a receiver can switch without a gap. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private static final String PREFIX = "subscriptions:";

    @AggregateIdentifier
    private String subscriptions;

    private String team;
    private final Map<String, Held> held = new HashMap<>();
    private long version;

    private record Held(boolean paused, String keyId) {}

    protected TeamSubscriptions() {
        // Axon rebuilds a team's subscriptions from their events, or starts them with the first
    }

    /** The stream of {@code team}'s subscriptions: a colon, so it never meets a team's or a product's id. */
    public static String idOf(String team) {
        return PREFIX + team;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SubscriptionRecorded handle(CreateSubscription command) {
        if (held.size() >= MOST_PER_TEAM) {
            throw new RuleViolation(
                    ErrorCode.SUBSCRIPTION_LIMIT_REACHED,
                    "Team '%s' holds %d subscriptions, the most a team may; delete one first"
                            .formatted(command.subscriberTeam(), held.size()));
        }
        apply(new SubscriptionCreated(
                command.subscriptionId(),
                command.subscriberTeam(),
                command.url(),
                command.kinds(),
                command.scope(),
                command.keyId()));
        return new SubscriptionRecorded(command.subscriptionId(), version, null);
    }

    @CommandHandler
    public SubscriptionRecorded handle(ChangeSubscription command, Clock clock) {
        String id = command.subscriptionId();
        Held subscription = held.get(id);
        if (subscription == null) {
            throw new RuleViolation(ErrorCode.SUBSCRIPTION_NOT_FOUND, "No subscription '%s'".formatted(id));
        }
        switch (command.change()) {
            case PAUSE -> {
                if (subscription.paused()) {
                    throw new RuleViolation(
                            ErrorCode.SUBSCRIPTION_ALREADY_PAUSED, "Subscription '%s' is already paused".formatted(id));
                }
                apply(new SubscriptionPaused(id, team));
            }
            case RESUME -> {
                if (!subscription.paused()) {
                    throw new RuleViolation(
                            ErrorCode.SUBSCRIPTION_NOT_PAUSED, "Subscription '%s' is not paused".formatted(id));
                }
                apply(new SubscriptionResumed(id, team));
            }
            case RESUME_DISABLED -> apply(new SubscriptionResumed(id, team));
            case DELETE -> apply(new SubscriptionDeleted(id, team));
            case ROTATE_SECRET -> {
                Instant previousValidUntil = clock.instant().plus(ROTATION_OVERLAP);
                apply(new SubscriptionSecretRotated(id, command.keyId(), subscription.keyId(), previousValidUntil));
                return new SubscriptionRecorded(id, version, previousValidUntil);
            }
        }
        return new SubscriptionRecorded(id, version, null);
    }

    @EventSourcingHandler
    void on(SubscriptionCreated event, @SequenceNumber long sequence) {
        subscriptions = idOf(event.subscriberTeam());
        team = event.subscriberTeam();
        held.put(event.subscriptionId(), new Held(false, event.keyId()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(SubscriptionPaused event, @SequenceNumber long sequence) {
        held.computeIfPresent(event.subscriptionId(), (id, subscription) -> new Held(true, subscription.keyId()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(SubscriptionResumed event, @SequenceNumber long sequence) {
        held.computeIfPresent(event.subscriptionId(), (id, subscription) -> new Held(false, subscription.keyId()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(SubscriptionSecretRotated event, @SequenceNumber long sequence) {
        held.computeIfPresent(
                event.subscriptionId(), (id, subscription) -> new Held(subscription.paused(), event.keyId()));
        version = sequence;
    }

    @EventSourcingHandler
    void on(SubscriptionDeleted event, @SequenceNumber long sequence) {
        held.remove(event.subscriptionId());
        version = sequence;
    }
}
