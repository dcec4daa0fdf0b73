package org.meshledger.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * The development identities a person may sign in to the console as on the embedded default: the same four as the
 * development tokens, and refused alike whenever a JWT issuer is configured.
 */
public final class ConsoleIdentities {

    /** One identity as the sign-in page offers it: the token's name, who it acts as, and its role. */
    public record Identity(String name, String actor, String role) {}

    private ConsoleIdentities() {}

    public static List<Identity> offered() {
        return Arrays.stream(DevelopmentToken.values())
                .map(dev -> new Identity(dev.token(), dev.actor(), dev.role().name()))
                .toList();
    }

    public static Optional<Authentication> signIn(String identity) {
        return DevelopmentToken.matching(identity)
                .map(dev -> new BearerTokenAuthentication(dev.actor(), Set.of(dev.role()), DomainScope.EVERY_DOMAIN));
    }
}
