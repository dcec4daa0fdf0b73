package org.meshledger.platform.security;

/** An integration asked to change a product of a domain its token does not name. */
public class ForbiddenDomain extends RuntimeException {

    public ForbiddenDomain(String domain) {
        super("Your token does not cover the domain '%s'".formatted(domain));
    }
}
