package org.meshledger.api.event;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SubscriptionResumed(String subscriptionId, String subscriberTeam) {}
