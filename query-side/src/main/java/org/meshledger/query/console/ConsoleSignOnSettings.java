package org.meshledger.query.console;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's client at the identity provider that issues the API's JWTs ({@code meshledger.security.jwt.issuer}):
 * {@code meshledger.console.oidc.*}. Without a secret the console is a public client, still protected by PKCE.
 *
 * @param clientId the console's client id; required for the console to be served with an issuer configured
 * @param clientSecret the client's secret, if the provider gave it one
 * @param scopes asked for at sign-in; {@code openid} is always among them
 */
@ConfigurationProperties("meshledger.console.oidc")
record ConsoleSignOnSettings(String clientId, String clientSecret, List<String> scopes) {

    static final String REGISTRATION = "meshledger";

    ConsoleSignOnSettings {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("meshledger.console.oidc.scopes must include openid");
        }
    }

    boolean confidential() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
