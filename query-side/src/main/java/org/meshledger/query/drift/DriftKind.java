package org.meshledger.query.drift;

/** What an entry on the drift timeline says happened, and how much it matters by default. */
public enum DriftKind {
    OWNERSHIP_TRANSFERRED(Severity.INFO),
    /** The owner's team belongs to another domain than the product: by registration, transfer or a team's move. */
    CROSS_DOMAIN_OWNERSHIP(Severity.WARNING),
    SLO_LOOSENED(Severity.WARNING),
    SLO_TIGHTENED(Severity.INFO),
    SLO_REMOVED(Severity.WARNING),
    SLO_BREACH_STARTED(Severity.WARNING),
    SLO_BREACH_ENDED(Severity.INFO),
    CONTRACT_CHANGED(Severity.INFO),
    CONTRACT_BREAKING_CHANGE(Severity.CRITICAL),
    SLA_LOOSENED(Severity.WARNING),
    /** An SLA property moved between units that cannot be compared: it may have loosened, so a person looks. */
    SLA_CHANGED(Severity.WARNING),
    OWNER_CONTRACT_MISMATCH(Severity.WARNING),
    /** WARNING while the sunset is ahead, CRITICAL once it has passed: judged when the entry is read. */
    CONSUMER_ON_DEPRECATED_VERSION(Severity.WARNING);

    private final Severity severity;

    DriftKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    public enum Severity {
        INFO,
        WARNING,
        CRITICAL
    }
}
