package org.meshledger.api.event;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The team no longer exists; {@code ownedProducts}, the products it still owned, are orphaned until transferred. */
@Revision("1")
public record TeamRetired(String team, String domain, String reason, List<String> ownedProducts) {

    public TeamRetired {
        ownedProducts = List.copyOf(ownedProducts);
    }
}
