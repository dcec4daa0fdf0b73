package org.meshledger.query.subscriptions;

import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.notifications.Delivery;
import org.meshledger.platform.notifications.DeliveryAttempt;
import org.meshledger.platform.notifications.DeliveryStatus;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.InvalidQuery;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A subscription's delivery log: every notification written for it, newest first, with each attempt to send it. */
@RestController
class DeliveriesController {

    /** One notification in the log; {@code type} is its CloudEvent type, {@code subject} its product. */
    record DeliveryEntry(
            String deliveryId,
            String eventId,
            String type,
            String subject,
            Instant eventTime,
            DeliveryStatus status,
            List<DeliveryAttempt> attempts) {

        static DeliveryEntry of(Delivery delivery) {
            return new DeliveryEntry(
                    delivery.deliveryId(),
                    delivery.eventId(),
                    delivery.type(),
                    delivery.subject(),
                    delivery.eventTime(),
                    delivery.status(),
                    delivery.attempts());
        }
    }

    private final MongoTemplate mongo;
    private final Outbox outbox;

    DeliveriesController(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @GetMapping("/api/subscriptions/{subscriptionId}/deliveries")
    Mono<Page<DeliveryEntry>> log(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Principal caller) {
        PageRequest paging = PageRequest.of(page, size);
        DeliveryStatus wanted = status(status);
        return Blocking.call(() -> {
                    SubscriptionRecord subscription = mongo.findById(subscriptionId, SubscriptionRecord.class);
                    if (subscription == null || !new SubscriptionVisibility(mongo, caller).shows(subscription)) {
                        return null;
                    }
                    List<DeliveryEntry> items =
                            outbox.log(subscriptionId, wanted, paging.offset(), paging.size()).stream()
                                    .map(DeliveryEntry::of)
                                    .toList();
                    return new Page<>(items, paging.page(), paging.size(), outbox.count(subscriptionId, wanted));
                })
                .switchIfEmpty(Mono.error(() ->
                        new NotFound("SUBSCRIPTION_NOT_FOUND", "No subscription '%s'".formatted(subscriptionId))));
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidQuery(List.of(new FieldError(
                    "status",
                    "must be one of " + Arrays.toString(DeliveryStatus.values()) + ", not '" + status + "'")));
        }
    }
}
