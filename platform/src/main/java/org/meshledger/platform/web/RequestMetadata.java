package org.meshledger.platform.web;

/** The metadata every recorded event carries about the request that caused it. */
public final class RequestMetadata {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The caller's roles when it acted: a steward's act is judged (and audited) as one. */
    public static final String ROLES = "roles";

    public static final String[] KEYS = {ACTOR, CORRELATION_ID, IDEMPOTENCY_KEY, ROLES};

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private RequestMetadata() {}
}
