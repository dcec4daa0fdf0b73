package org.meshledger.query.slo;

public enum SloStatus {
    MEETING,
    BREACHING,
    NO_DATA
}
