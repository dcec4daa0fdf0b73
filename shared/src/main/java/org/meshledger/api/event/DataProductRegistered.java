package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.meshledger.api.model.Classification;

/**
 * {@code effectiveAt} null: owned by {@code ownerTeam} since before records began. {@code ownerTeamDomain}: the owner's
 * domain when it was registered, null for a team that is not (revision 1 events lack it, and read as null).
 */
@Revision("2")
public record DataProductRegistered(
        String productId,
        String domain,
        String name,
        Classification classification,
        String ownerTeam,
        String description,
        Instant effectiveAt,
        String ownerTeamDomain) {

    public DataProductRegistered(
            String productId,
            String domain,
            String name,
            Classification classification,
            String ownerTeam,
            String description,
            Instant effectiveAt) {
        this(productId, domain, name, classification, ownerTeam, description, effectiveAt, null);
    }

    public boolean crossDomain() {
        return ownerTeamDomain != null && !ownerTeamDomain.equals(domain);
    }
}
