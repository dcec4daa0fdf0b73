package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OwnershipTransferred(
        String productId, String fromTeam, String toTeam, String reason, String approvedBy, Instant effectiveAt) {}
