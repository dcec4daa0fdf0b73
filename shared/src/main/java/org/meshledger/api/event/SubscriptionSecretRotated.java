package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Deliveries are signed with {@code keyId} from now on, and with {@code previousKeyId} too until {@code previousValidUntil}. */
@Revision("1")
public record SubscriptionSecretRotated(
        String subscriptionId, String keyId, String previousKeyId, Instant previousValidUntil) {}
