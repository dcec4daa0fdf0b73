package org.meshledger.platform.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One notification to one subscription: {@code deliveryId} is also the CloudEvent's {@code id} and the
 * {@code webhook-id}, the same on every attempt, redelivery and replay, so a receiver can de-duplicate.
 * {@code eventId} names the ledger event (or the sunset deadline) it tells of; {@code body} is the CloudEvent exactly
 * as it is sent and signed.
 */
public record Delivery(
        String deliveryId,
        String subscriptionId,
        String eventId,
        String type,
        String subject,
        Instant eventTime,
        DeliveryStatus status,
        List<DeliveryAttempt> attempts,
        String body) {

    public Delivery {
        attempts = List.copyOf(attempts);
    }

    /** A notification written to the outbox, not tried yet. */
    public static Delivery due(
            String deliveryId,
            String subscriptionId,
            String eventId,
            String type,
            String subject,
            Instant eventTime,
            String body) {
        return new Delivery(
                deliveryId, subscriptionId, eventId, type, subject, eventTime, DeliveryStatus.PENDING, List.of(), body);
    }
}
