package org.meshledger.api.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.meshledger.api.model.SubscriptionScope;

/** Sent to the subscriber team's subscriptions, which keep its limit; {@code keyId} names a secret already stored. */
public record CreateSubscription(
        @TargetAggregateIdentifier String subscriptions,
        String subscriptionId,
        String subscriberTeam,
        String url,
        List<String> kinds,
        SubscriptionScope scope,
        String keyId) {}
