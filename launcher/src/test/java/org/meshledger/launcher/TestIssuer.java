package org.meshledger.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An identity provider of the tests' own: an RSA key generated here, its JWK set served on loopback, and tokens
 * signed with it — or, to be refused, expired, from another issuer, or signed by a key nobody published.
 */
final class TestIssuer implements AutoCloseable {

    static final String ISSUER = "https://idp.test.meshledger.org";

    private final RSAKey published;
    private final RSAKey impostor;
    private final HttpServer server;

    TestIssuer() throws IOException, JOSEException {
        published = new RSAKeyGenerator(2048).keyID("published").generate();
        // same key id as the published key: only the signature tells them apart
        impostor = new RSAKeyGenerator(2048).keyID("published").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] jwks = new JWKSet(published.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    String token(String email, List<String> roles, List<String> domains) {
        return sign(published, ISSUER, email, roles, domains, Instant.now().plus(Duration.ofMinutes(10)));
    }

    String expired(String email, List<String> roles) {
        return sign(published, ISSUER, email, roles, List.of(), Instant.now().minus(Duration.ofHours(1)));
    }

    String fromUnknownIssuer(String email, List<String> roles) {
        return sign(
                published,
                "https://elsewhere.example",
                email,
                roles,
                List.of(),
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    String withBadSignature(String email, List<String> roles) {
        return sign(impostor, ISSUER, email, roles, List.of(), Instant.now().plus(Duration.ofMinutes(10)));
    }

    private static String sign(
            RSAKey key, String issuer, String email, List<String> roles, List<String> domains, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .claim("email", email)
                .claim("roles", roles)
                .claim("domains", domains)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
