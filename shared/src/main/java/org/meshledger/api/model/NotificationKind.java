package org.meshledger.api.model;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription can be told, each kind named by its CloudEvent {@code type}. */
public enum NotificationKind {
    BREAKING_CHANGE("org.meshledger.contract.breaking-change"),
    CONTRACT_DEPRECATED("org.meshledger.contract.deprecated"),
    SUNSET_APPROACHING("org.meshledger.consumer.sunset-approaching"),
    PAST_SUNSET("org.meshledger.consumer.past-sunset"),
    OWNERSHIP_TRANSFERRED("org.meshledger.ownership.transferred"),
    SLO_LOOSENED("org.meshledger.slo.loosened"),
    SLO_BREACHING("org.meshledger.slo.breaching"),
    SLO_RECOVERED("org.meshledger.slo.recovered"),
    PRODUCT_DEPRECATED("org.meshledger.product.deprecated"),
    PRODUCT_RETIRED("org.meshledger.product.retired");

    private final String type;

    NotificationKind(String type) {
        this.type = type;
    }

    /** The CloudEvent {@code type}, as a subscription's {@code kinds[]} names it. */
    public String type() {
        return type;
    }

    public static Optional<NotificationKind> ofType(String type) {
        return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
    }
}
