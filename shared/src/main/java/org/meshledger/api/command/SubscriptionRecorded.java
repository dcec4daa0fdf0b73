package org.meshledger.api.command;

import java.time.Instant;

/**
 * The answer to a subscription command: the subscription, its team's subscriptions' sequence number after it, and
 * after a rotation, until when the previous secret still signs (null otherwise).
 */
public record SubscriptionRecorded(String subscriptionId, long version, Instant previousSecretValidUntil) {}
