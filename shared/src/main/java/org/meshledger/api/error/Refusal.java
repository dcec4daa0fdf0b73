package org.meshledger.api.error;

/** How the web edge answers a refused command; one HTTP status per kind, mapped in one place. */
public enum Refusal {
    NOT_FOUND,
    CONFLICT,
    PRECONDITION_FAILED,
    RULE_VIOLATED
}
