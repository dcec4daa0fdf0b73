package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.meshledger.api.model.Classification;

/** {@code effectiveAt} null: owned by {@code ownerTeam} since before records began. */
@Revision("1")
public record DataProductRegistered(
        String productId,
        String domain,
        String name,
        Classification classification,
        String ownerTeam,
        String description,
        Instant effectiveAt) {}
