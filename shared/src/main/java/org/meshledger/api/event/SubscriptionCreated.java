package org.meshledger.api.event;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.meshledger.api.model.SubscriptionScope;

/**
 * {@code subscriberTeam} asked to be told of {@code kinds} (CloudEvent types; empty: all) within {@code scope}, at
 * {@code url}. The signing secret is not here: {@code keyId} names it, kept encrypted apart from the events.
 */
@Revision("1")
public record SubscriptionCreated(
        String subscriptionId,
        String subscriberTeam,
        String url,
        List<String> kinds,
        SubscriptionScope scope,
        String keyId) {}
