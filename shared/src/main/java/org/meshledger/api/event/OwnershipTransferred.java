package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.meshledger.api.model.Ids;

/**
 * {@code toTeamDomain}: the new owner's domain when it took over, null for a team that is not registered (revision 1
 * events lack it, and read as null).
 */
@Revision("2")
public record OwnershipTransferred(
        String productId,
        String fromTeam,
        String toTeam,
        String reason,
        String approvedBy,
        Instant effectiveAt,
        String toTeamDomain) {

    public OwnershipTransferred(
            String productId, String fromTeam, String toTeam, String reason, String approvedBy, Instant effectiveAt) {
        this(productId, fromTeam, toTeam, reason, approvedBy, effectiveAt, null);
    }

    public boolean crossDomain() {
        return toTeamDomain != null && !toTeamDomain.equals(Ids.domainOf(productId));
    }
}
