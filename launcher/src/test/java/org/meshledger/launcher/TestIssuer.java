package org.meshledger.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
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
 * signed with it for the ledger's audience — or, to be refused, expired, from another issuer, for another audience or
 * none, signed by a key nobody published, unsigned ({@code alg: none}), signed with the public key as an HMAC secret,
 * or with claims changed after signing.
 */
final class TestIssuer implements AutoCloseable {

    static final String ISSUER = "https://idp.test.meshledger.org";
    static final String AUDIENCE = "meshledger";

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
        return sign(published, claims(ISSUER, AUDIENCE, email, roles, domains, inTenMinutes()));
    }

    String expired(String email, List<String> roles) {
        return sign(
                published,
                claims(ISSUER, AUDIENCE, email, roles, List.of(), Instant.now().minus(Duration.ofHours(1))));
    }

    String fromUnknownIssuer(String email, List<String> roles) {
        return sign(published, claims("https://elsewhere.example", AUDIENCE, email, roles, List.of(), inTenMinutes()));
    }

    String withBadSignature(String email, List<String> roles) {
        return sign(impostor, claims(ISSUER, AUDIENCE, email, roles, List.of(), inTenMinutes()));
    }

    /** A genuine token the issuer minted for another of its services. */
    String forAnotherAudience(String email, List<String> roles) {
        return sign(published, claims(ISSUER, "billing-service", email, roles, List.of(), inTenMinutes()));
    }

    String withoutAudience(String email, List<String> roles) {
        return sign(published, claims(ISSUER, null, email, roles, List.of(), inTenMinutes()));
    }

    /** The claims of a steward, with no signature at all: {@code {"alg":"none"}}. */
    String unsigned(String email, List<String> roles) {
        return new PlainJWT(claims(ISSUER, AUDIENCE, email, roles, List.of(), inTenMinutes())).serialize();
    }

    /** HS256 with the published public key as the secret: what a verifier trusting the header's alg would accept. */
    String signedWithThePublicKeyAsSecret(String email, List<String> roles) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(published.getKeyID())
                        .build(),
                claims(ISSUER, AUDIENCE, email, roles, List.of(), inTenMinutes()));
        try {
            jwt.sign(new MACSigner(published.toPublicJWK().toRSAPublicKey().getEncoded()));
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
        return jwt.serialize();
    }

    /** A viewer's genuine token whose claims were then rewritten to name a steward, the signature kept. */
    String withClaimsChangedAfterSigning(String email, List<String> roles) {
        String[] viewer = token(email, List.of("VIEWER"), List.of()).split("\\.");
        String forged = Base64URL.encode(claims(ISSUER, AUDIENCE, email, roles, List.of(), inTenMinutes())
                        .toString())
                .toString();
        return viewer[0] + "." + forged + "." + viewer[2];
    }

    private static Instant inTenMinutes() {
        return Instant.now().plus(Duration.ofMinutes(10));
    }

    private static JWTClaimsSet claims(
            String issuer, String audience, String email, List<String> roles, List<String> domains, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(UUID.randomUUID().toString())
                .claim("email", email)
                .claim("roles", roles)
                .claim("domains", domains)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
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
