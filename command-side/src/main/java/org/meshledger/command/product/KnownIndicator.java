package org.meshledger.command.product;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Indicator;
import org.meshledger.command.web.InvalidRequest;

/** Reads an indicator's wire name, refusing an unknown one with the names that are known. */
final class KnownIndicator {

    private KnownIndicator() {}

    static Indicator of(String wireName) {
        return Indicator.fromWireName(wireName)
                .orElseThrow(() -> new InvalidRequest(List.of(new FieldError("indicator", unknown(wireName)))));
    }

    static String unknown(String wireName) {
        return "'%s' is not an indicator; use one of %s"
                .formatted(
                        wireName,
                        Arrays.stream(Indicator.values())
                                .map(Indicator::wireName)
                                .collect(Collectors.joining(", ")));
    }
}
