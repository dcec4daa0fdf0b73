package org.meshledger.api.event;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A reorganisation: the team now belongs to {@code toDomain}. {@code ownedProducts} are the products it owned when it
 * moved, so every view re-judges exactly those, whatever order it reads other products' events in.
 */
@Revision("1")
public record TeamMovedToDomain(
        String team, String fromDomain, String toDomain, String reason, List<String> ownedProducts) {

    public TeamMovedToDomain {
        ownedProducts = List.copyOf(ownedProducts);
    }
}
