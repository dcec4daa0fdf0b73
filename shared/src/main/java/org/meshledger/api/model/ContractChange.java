package org.meshledger.api.model;

/** One path that differs between two contract versions, e.g. {@code schema.orders.properties.order_date.logicalType}. */
public record ContractChange(String path, Kind kind, Object oldValue, Object newValue, boolean breaking) {

    public enum Kind {
        ADDED,
        REMOVED,
        UPDATED
    }

    public ContractChange judged(boolean isBreaking) {
        return new ContractChange(path, kind, oldValue, newValue, isBreaking);
    }
}
