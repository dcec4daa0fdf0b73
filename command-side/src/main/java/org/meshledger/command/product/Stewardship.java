package org.meshledger.command.product;

import java.util.Collection;
import org.axonframework.messaging.MetaData;
import org.meshledger.platform.web.RequestMetadata;

/** Whether the command came from a caller acting as a steward (its roles travel with the command). */
final class Stewardship {

    private static final String STEWARD = "STEWARD";

    private Stewardship() {}

    static boolean bySteward(MetaData request) {
        return request.get(RequestMetadata.ROLES) instanceof Collection<?> roles && roles.contains(STEWARD);
    }
}
