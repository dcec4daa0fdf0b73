package org.meshledger.platform.web;

/** The metadata every recorded event carries about the request that caused it. */
public final class RequestMetadata {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String[] KEYS = {ACTOR, CORRELATION_ID, IDEMPOTENCY_KEY};

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private RequestMetadata() {}
}
