package org.meshledger.query.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ConsumerRemoved;
import org.meshledger.api.event.ContractVersionDeprecated;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductDeprecated;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.DataProductRetired;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SubscriptionCreated;
import org.meshledger.api.event.SubscriptionDeleted;
import org.meshledger.api.model.NotificationKind;
import org.meshledger.api.model.SloChange;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.web.RequestMetadata;
import org.springframework.stereotype.Component;

/**
 * Reads the event log with a token of its own and writes to the outbox what each subscription is to hear: a restart
 * goes on where it stopped, and a second reading writes nothing new (the outbox keeps a notification once).
 */
@Component
@ProcessingGroup(NotificationsProjection.NAME)
class NotificationsProjection {

    static final String NAME = "notifications";

    private final Audience audience;
    private final ProductFacts products;
    private final Notifier notifier;
    private final SunsetDeadlines deadlines;
    private final Outbox outbox;

    NotificationsProjection(
            Audience audience, ProductFacts products, Notifier notifier, SunsetDeadlines deadlines, Outbox outbox) {
        this.audience = audience;
        this.products = products;
        this.notifier = notifier;
        this.deadlines = deadlines;
        this.outbox = outbox;
    }

    @EventHandler
    void on(SubscriptionCreated event, EventMessage<?> message) {
        audience.subscribed(new Audience.Subscriber(
                event.subscriptionId(), event.subscriberTeam(), event.kinds(), event.scope(), message.getTimestamp()));
    }

    @EventHandler
    void on(SubscriptionDeleted event) {
        audience.unsubscribed(event.subscriptionId());
        outbox.abandon(event.subscriptionId(), "The subscription was deleted");
    }

    @EventHandler
    void on(ConsumerRegistered event) {
        audience.consumes(event.productId(), event.consumerTeam(), event.contractMajor());
    }

    @EventHandler
    void on(ConsumerRemoved event) {
        audience.stopsConsuming(event.productId(), event.consumerTeam(), event.contractMajor());
    }

    @EventHandler
    void on(DataProductRegistered event) {
        products.registered(event.productId(), event.name(), event.ownerTeam());
    }

    @EventHandler
    void on(OwnershipTransferred event, EventMessage<?> message) {
        products.ownedBy(event.productId(), event.toTeam());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromTeam", event.fromTeam());
        details.put("toTeam", event.toTeam());
        details.put("reason", event.reason());
        details.put("approvedBy", event.approvedBy());
        details.put("effectiveAt", event.effectiveAt());
        tell(NotificationKind.OWNERSHIP_TRANSFERRED, event.productId(), message, Optional.empty(), details);
    }

    @EventHandler
    void on(ContractVersionPublished event, EventMessage<?> message) {
        if (event.deprecatedMajor() == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contractVersion", event.contractVersion());
        details.put("newMajor", majorOf(event.contractVersion()));
        details.put("deprecatedMajor", event.deprecatedMajor());
        details.put("sunsetAt", event.sunsetAt());
        details.put("breakingChanges", event.breakingChanges());
        details.put("changes", event.changes());
        tell(
                NotificationKind.BREAKING_CHANGE,
                event.productId(),
                message,
                Optional.of(event.deprecatedMajor()),
                details);
        if (event.sunsetAt() != null) {
            deadlines.schedule(event.productId(), event.deprecatedMajor(), event.sunsetAt(), message.getTimestamp());
        }
    }

    @EventHandler
    void on(ContractVersionDeprecated event, EventMessage<?> message) {
        int major = majorOf(event.contractVersion());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contractVersion", event.contractVersion());
        details.put("contractMajor", major);
        details.put("sunsetAt", event.sunsetAt());
        details.put("reason", event.reason());
        tell(NotificationKind.CONTRACT_DEPRECATED, event.productId(), message, Optional.of(major), details);
        if (event.sunsetAt() != null) {
            deadlines.schedule(event.productId(), major, event.sunsetAt(), message.getTimestamp());
        }
    }

    @EventHandler
    void on(SloChanged event, EventMessage<?> message) {
        if (event.classification() != SloChange.LOOSENED) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("indicator", event.indicator());
        details.put("previous", event.previous());
        details.put("current", event.current());
        tell(NotificationKind.SLO_LOOSENED, event.productId(), message, Optional.empty(), details);
    }

    @EventHandler
    void on(DataProductDeprecated event, EventMessage<?> message) {
        tell(
                NotificationKind.PRODUCT_DEPRECATED,
                event.productId(),
                message,
                Optional.empty(),
                because(event.reason()));
    }

    @EventHandler
    void on(DataProductRetired event, EventMessage<?> message) {
        tell(NotificationKind.PRODUCT_RETIRED, event.productId(), message, Optional.empty(), because(event.reason()));
    }

    private static int majorOf(String contractVersion) {
        return Integer.parseInt(contractVersion.substring(0, contractVersion.indexOf('.')));
    }

    private static Map<String, Object> because(String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        return details;
    }

    /** The audience and the facts are read again from the log; the outbox and the deadlines stay. */
    @ResetHandler
    void reset() {
        audience.forgetAll();
        products.forgetAll();
    }

    private void tell(
            NotificationKind kind,
            String productId,
            EventMessage<?> message,
            Optional<Integer> consumersOfMajor,
            Map<String, Object> details) {
        Object actor = message.getMetaData().get(RequestMetadata.ACTOR);
        notifier.tell(new Notifier.News(
                kind,
                productId,
                message.getIdentifier(),
                message.getTimestamp(),
                actor == null ? null : actor.toString(),
                consumersOfMajor,
                details));
    }
}
