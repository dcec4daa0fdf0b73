package org.meshledger.platform.notifications;

import java.time.Instant;

/**
 * A notification still to be sent, of CloudEvent {@code type}: {@code order} keeps a subscription's notifications of one product in the order
 * they were written, {@code tries} counts the attempts already made, and {@code claimedUntil} is the lease of the
 * sender that has it in flight.
 */
public record QueuedDelivery(
        String deliveryId,
        String subscriptionId,
        String subject,
        String type,
        long order,
        Instant nextAttemptAt,
        Instant claimedUntil,
        int tries) {

    /** The subscription's and product's line of notifications, which is sent in order. */
    public String line() {
        return subscriptionId + "|" + subject;
    }

    public boolean dueAt(Instant now) {
        return !nextAttemptAt.isAfter(now) && (claimedUntil == null || claimedUntil.isBefore(now));
    }
}
