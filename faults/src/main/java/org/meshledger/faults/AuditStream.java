package org.meshledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the ledger holds from its audit stream: how many stored events each idempotency key caused. */
final class AuditStream {

    private final LedgerCalls calls;

    AuditStream(LedgerCalls calls) {
        this.calls = calls;
    }

    Map<String, Integer> eventsByKey(int queryPort, List<String> products) {
        Map<String, Integer> counts = new HashMap<>();
        for (String product : products) {
            LedgerCalls.Answer stream = calls.get(queryPort, "/api/audit/products/" + product + "/events");
            if (stream.status() != 200) {
                throw new IllegalStateException(
                        "The audit stream of " + product + " answered " + stream.status() + ": " + stream.body());
            }
            for (String line : stream.body().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode event = LedgerCalls.JSON.readTree(line);
                    String key = event.path("metadata").path("idempotencyKey").asText(null);
                    if (key != null) {
                        counts.merge(key, 1, Integer::sum);
                    }
                } catch (IOException unreadable) {
                    throw new UncheckedIOException("An audit line that is not JSON: " + line, unreadable);
                }
            }
        }
        return counts;
    }
}
