package org.meshledger.query.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.meshledger.api.model.ContractChange;

/**
 * How a new contract version moves the SLA properties whose better direction is known: availability 99.9% → 99.5%
 * and latency 500ms → 2s are loosened, 1 d → 12 h of latency tightened, 60 min → 1 h unchanged. Such a change breaks
 * no schema, so it would pass silently; here it is drift. Where the units cannot be compared it is "changed", never
 * "the same".
 */
final class SlaChanges {

    private static final Set<String> LOWER_IS_BETTER = Set.of(
            "latency", "responsetime", "frequency", "timetodetect", "timetoresolve", "timetonotify", "freshness");
    private static final Set<String> HIGHER_IS_BETTER =
            Set.of("availability", "uptime", "retention", "completeness", "throughput");
    private static final YAMLMapper YAML = new YAMLMapper();

    enum Verdict {
        LOOSENED,
        TIGHTENED,
        UNCHANGED,
        CHANGED
    }

    record SlaChange(String property, SlaAmount previous, SlaAmount current, Verdict verdict) {}

    private SlaChanges() {}

    /**
     * Each SLA property of {@code document} whose value or unit the change set updates, judged. A part that did not
     * change is read from the new document, so a change of unit alone is judged too.
     */
    static List<SlaChange> in(String document, List<ContractChange> changes) {
        Map<String, ContractChange[]> touched = new LinkedHashMap<>();
        for (ContractChange change : changes) {
            String[] path = change.path().split("\\.");
            boolean amount = path.length == 3 && (path[2].equals("value") || path[2].equals("unit"));
            if (amount && path[0].equals("slaProperties") && direction(path[1]) != 0) {
                touched.computeIfAbsent(path[1], property -> new ContractChange[2])[path[2].equals("value") ? 0 : 1] =
                        change;
            }
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        Map<String, JsonNode> current = slaProperties(document);
        List<SlaChange> judged = new ArrayList<>();
        touched.forEach((property, parts) -> {
            JsonNode now = current.get(property);
            if (now == null) {
                return;
            }
            SlaAmount after = new SlaAmount(scalar(now.get("value")), text(now.get("unit")));
            SlaAmount before = new SlaAmount(
                    parts[0] == null ? after.value() : parts[0].oldValue(),
                    parts[1] == null ? after.unit() : unitOf(parts[1].oldValue()));
            judged.add(new SlaChange(property, before, after, judge(property, before, after)));
        });
        return judged;
    }

    static Verdict judge(String property, SlaAmount previous, SlaAmount current) {
        int better = direction(property);
        Integer moved = current.compareTo(previous).orElse(null);
        if (moved == null || better == 0) {
            return Verdict.CHANGED;
        }
        if (moved == 0) {
            return Verdict.UNCHANGED;
        }
        return moved == better ? Verdict.TIGHTENED : Verdict.LOOSENED;
    }

    /** Which way is better for a property: +1 higher, -1 lower, 0 unknown (such properties are not judged). */
    private static int direction(String property) {
        String name = property.toLowerCase(Locale.ROOT);
        return LOWER_IS_BETTER.contains(name) ? -1 : HIGHER_IS_BETTER.contains(name) ? 1 : 0;
    }

    private static Map<String, JsonNode> slaProperties(String document) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        try {
            for (JsonNode sla : YAML.readTree(document).path("slaProperties")) {
                if (sla.hasNonNull("property")) {
                    byName.putIfAbsent(sla.get("property").asText(), sla);
                }
            }
        } catch (JsonProcessingException unreadable) {
            // a stored contract was read when it was published; an unreadable one has no SLA to judge
        }
        return byName;
    }

    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : node.asText();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String unitOf(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
