package org.meshledger.api.model;

public enum ProductStatus {
    ACTIVE,
    DEPRECATED,
    RETIRED
}
