package org.meshledger.api.event;

import org.axonframework.serialization.Revision;

/** Nothing is sent to the subscription until it is resumed; what falls due meanwhile waits. */
@Revision("1")
public record SubscriptionPaused(String subscriptionId, String subscriberTeam) {}
