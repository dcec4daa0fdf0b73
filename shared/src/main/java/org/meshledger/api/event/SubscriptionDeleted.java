package org.meshledger.api.event;

import org.axonframework.serialization.Revision;

/** The subscription is gone: nothing more is sent to it, and it no longer counts against its team's limit. */
@Revision("1")
public record SubscriptionDeleted(String subscriptionId, String subscriberTeam) {}
