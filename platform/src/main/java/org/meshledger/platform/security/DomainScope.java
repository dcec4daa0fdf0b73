package org.meshledger.platform.security;

import java.util.Set;

/** The domains whose products a caller may change: every domain, or the ones its token names. */
public record DomainScope(boolean everyDomain, Set<String> domains) {

    public static final DomainScope EVERY_DOMAIN = new DomainScope(true, Set.of());

    public DomainScope {
        domains = Set.copyOf(domains);
    }

    public static DomainScope of(Set<String> domains) {
        return new DomainScope(false, domains);
    }

    public boolean covers(String domain) {
        return everyDomain || domains.contains(domain);
    }
}
