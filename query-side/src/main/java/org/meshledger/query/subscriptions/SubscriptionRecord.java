package org.meshledger.query.subscriptions;

import java.time.Instant;
import java.util.List;
import org.meshledger.api.model.SubscriptionScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A subscription as it stands: what it asked for, whether it is paused, and the key id its deliveries are signed with
 * (the secret itself is never here). {@code version} is its team's subscriptions' sequence number that last changed it;
 * {@code disabledReason} is set only as it is read, when its receiver disabled it.
 */
@Document("subscriptions")
public record SubscriptionRecord(
        @Id String subscriptionId,
        @Indexed String subscriberTeam,
        String url,
        List<String> kinds,
        SubscriptionScope scope,
        Status status,
        String keyId,
        String previousKeyId,
        Instant previousKeyValidUntil,
        Instant createdAt,
        String createdBy,
        Instant changedAt,
        long version,
        String disabledReason) {

    /** DISABLED: its receiver answered 410 Gone, and nothing is sent until it is resumed. */
    public enum Status {
        ACTIVE,
        PAUSED,
        DISABLED
    }

    /** As read: disabled by its receiver, which the outbox knows of, not the events. */
    SubscriptionRecord disabled(String reason) {
        return new SubscriptionRecord(
                subscriptionId,
                subscriberTeam,
                url,
                kinds,
                scope,
                Status.DISABLED,
                keyId,
                previousKeyId,
                previousKeyValidUntil,
                createdAt,
                createdBy,
                changedAt,
                version,
                reason);
    }

    SubscriptionRecord paused(boolean paused, Instant at, long sequence) {
        return new SubscriptionRecord(
                subscriptionId,
                subscriberTeam,
                url,
                kinds,
                scope,
                paused ? Status.PAUSED : Status.ACTIVE,
                keyId,
                previousKeyId,
                previousKeyValidUntil,
                createdAt,
                createdBy,
                at,
                sequence,
                null);
    }

    SubscriptionRecord rotated(String newKeyId, Instant previousValidUntil, Instant at, long sequence) {
        return new SubscriptionRecord(
                subscriptionId,
                subscriberTeam,
                url,
                kinds,
                scope,
                status,
                newKeyId,
                keyId,
                previousValidUntil,
                createdAt,
                createdBy,
                at,
                sequence,
                null);
    }
}
