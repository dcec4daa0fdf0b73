package org.meshledger.api.model;

/** How an SLO command changed the promise a product makes. */
public enum SloChange {
    DEFINED,
    TIGHTENED,
    LOOSENED,
    UNCHANGED
}
