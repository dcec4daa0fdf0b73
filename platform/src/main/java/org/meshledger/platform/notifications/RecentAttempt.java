package org.meshledger.platform.notifications;

import java.time.Instant;

/**
 * One of a product's latest attempts to tell a subscriber of it, as its page lists them: to which subscription, of
 * what ({@code type}), and what came of it ({@code outcome}: DELIVERED, RETRYING, DEAD or DISABLED).
 */
public record RecentAttempt(
        Instant at,
        String subscriptionId,
        String deliveryId,
        String type,
        String outcome,
        Integer statusCode,
        long latencyMs,
        String error) {}
