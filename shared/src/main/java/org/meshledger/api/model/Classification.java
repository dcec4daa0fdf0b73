package org.meshledger.api.model;

/** What consumers of a data product read: whose facts, and how far interpreted. */
public enum Classification {
    AUTHORITATIVE,
    BOUNDED_CONTEXT_VIEW,
    DERIVED,
    RECONCILED
}
