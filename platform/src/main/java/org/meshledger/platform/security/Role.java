package org.meshledger.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

public enum Role {
    STEWARD,
    INTEGRATION,
    AUDITOR,
    VIEWER;

    public SimpleGrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
