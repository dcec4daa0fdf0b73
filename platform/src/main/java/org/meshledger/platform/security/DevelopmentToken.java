package org.meshledger.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documented development tokens of the embedded default. They let a newcomer try every role without an identity
 * provider; they are refused whenever a JWT issuer is configured.
 */
enum DevelopmentToken {
    STEWARD("dev-steward", "steward@example.org", Role.STEWARD),
    INTEGRATION("dev-integration", "integration@example.org", Role.INTEGRATION),
    AUDITOR("dev-auditor", "auditor@example.org", Role.AUDITOR),
    VIEWER("dev-viewer", "viewer@example.org", Role.VIEWER);

    private final String token;
    private final String actor;
    private final Role role;

    DevelopmentToken(String token, String actor, Role role) {
        this.token = token;
        this.actor = actor;
        this.role = role;
    }

    static Optional<DevelopmentToken> matching(String token) {
        return Arrays.stream(values()).filter(dev -> dev.token.equals(token)).findFirst();
    }

    String token() {
        return token;
    }

    String actor() {
        return actor;
    }

    Role role() {
        return role;
    }
}
