package org.meshledger.command.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.web.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A subscriber's "send it again": one notification, or every one since an instant, with the ids they had, so a
 * receiver that already has one can tell. What is sent again goes behind what is already waiting.
 */
@RestController
class DeliveryRequestsController {

    private final Outbox outbox;
    private final SubscriberTeams subscribers;

    DeliveryRequestsController(Outbox outbox, SubscriberTeams subscribers) {
        this.outbox = outbox;
        this.subscribers = subscribers;
    }

    record Redelivery(String subscriptionId, String deliveryId, String status) {}

    record Replay(String subscriptionId, Instant since, int notifications) {}

    @PostMapping("/api/subscriptions/{subscriptionId}/deliveries/{deliveryId}/redelivery")
    Mono<ResponseEntity<Redelivery>> redeliver(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId,
            @PathVariable @Pattern(regexp = "ntf_[0-9a-f]{32}") String deliveryId,
            ServerWebExchange exchange) {
        return subscribers
                .requireMayManage(SubscriptionController.teamOf(subscriptionId), exchange)
                .then(Blocking.call(() -> outbox.redeliver(subscriptionId, deliveryId)))
                .map(found -> {
                    if (!found) {
                        throw new RuleViolation(
                                ErrorCode.DELIVERY_NOT_FOUND,
                                "Subscription '%s' has no notification '%s'".formatted(subscriptionId, deliveryId));
                    }
                    return ResponseEntity.status(HttpStatus.ACCEPTED)
                            .body(new Redelivery(subscriptionId, deliveryId, "PENDING"));
                });
    }

    @PostMapping("/api/subscriptions/{subscriptionId}/replay")
    Mono<ResponseEntity<Replay>> replay(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId,
            @Valid @RequestBody ReplayRequest request,
            ServerWebExchange exchange) {
        return subscribers
                .requireMayManage(SubscriptionController.teamOf(subscriptionId), exchange)
                .then(Blocking.call(() -> outbox.replay(subscriptionId, request.since())))
                .map(replayed -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new Replay(
                                subscriptionId,
                                request.since(),
                                replayed.orElseThrow(() -> new RuleViolation(
                                        ErrorCode.SUBSCRIPTION_NOT_FOUND,
                                        "No subscription '%s'".formatted(subscriptionId))))));
    }
}
