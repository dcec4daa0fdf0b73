package org.meshledger.query.subscriptions;

import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Subscriptions as they stand, never with their secrets: a steward's or an auditor's every one, an integration's
 * those of registered teams of its own domains.
 */
@RestController
class SubscriptionsController {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    SubscriptionsController(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @GetMapping("/api/subscriptions")
    Mono<Page<SubscriptionRecord>> list(
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String subscriberTeam,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Principal caller) {
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> {
            Query query = subscriberTeam == null
                    ? new Query()
                    : Query.query(Criteria.where("subscriberTeam").is(subscriberTeam));
            List<SubscriptionRecord> visible = mongo.find(query.with(Sort.by("_id")), SubscriptionRecord.class).stream()
                    .filter(new SubscriptionVisibility(mongo, caller)::shows)
                    .toList();
            List<SubscriptionRecord> items = visible.stream()
                    .skip(paging.offset())
                    .limit(paging.size())
                    .map(this::asSent)
                    .toList();
            return new Page<>(items, paging.page(), paging.size(), visible.size());
        });
    }

    @GetMapping("/api/subscriptions/{subscriptionId}")
    Mono<SubscriptionRecord> one(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId, Principal caller) {
        return Blocking.call(
                        () -> visible(subscriptionId, caller).map(this::asSent).orElse(null))
                .switchIfEmpty(Mono.error(() ->
                        new NotFound("SUBSCRIPTION_NOT_FOUND", "No subscription '%s'".formatted(subscriptionId))));
    }

    /** The subscription, if it exists and the caller may see it. */
    private Optional<SubscriptionRecord> visible(String subscriptionId, Principal caller) {
        return Optional.ofNullable(mongo.findById(subscriptionId, SubscriptionRecord.class))
                .filter(new SubscriptionVisibility(mongo, caller)::shows);
    }

    /** A subscription its receiver disabled (410 Gone) reads as disabled, with why. */
    private SubscriptionRecord asSent(SubscriptionRecord subscription) {
        return outbox.disabledBecause(subscription.subscriptionId())
                .map(subscription::disabled)
                .orElse(subscription);
    }
}
