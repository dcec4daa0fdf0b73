package org.meshledger.query.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.meshledger.api.error.FieldError;

/**
 * What ODCS 3.1.0 renamed from 3.0.x, applied in place to a 3.0.x document: a library quality rule's {@code rule}
 * became {@code metric} (from a fixed list), and {@code exclusiveMinimum}/{@code exclusiveMaximum} hold the bound
 * itself instead of a flag beside {@code minimum}/{@code maximum}. What has no 3.1.0 form is named, not guessed.
 */
final class OdcsUpgrade {

    private static final Map<String, String> METRIC_OF_RULE = Map.of(
            "duplicateCount", "duplicateValues",
            "rowCount", "rowCount",
            "nullValues", "nullValues",
            "missingValues", "missingValues",
            "invalidValues", "invalidValues",
            "duplicateValues", "duplicateValues");
    private static final List<String> OPERATORS = List.of(
            "mustBe",
            "mustNotBe",
            "mustBeGreaterThan",
            "mustBeGreaterOrEqualTo",
            "mustBeLessThan",
            "mustBeLessOrEqualTo",
            "mustBeBetween",
            "mustNotBeBetween");

    private final List<FieldError> inexpressible = new ArrayList<>();

    private OdcsUpgrade() {}

    /** Renames what 3.1.0 renamed; answers what cannot be said in 3.1.0, each at its JSON Pointer (empty: done). */
    static List<FieldError> to31(ObjectNode document) {
        OdcsUpgrade upgrade = new OdcsUpgrade();
        upgrade.walk(document, "");
        return List.copyOf(upgrade.inexpressible);
    }

    private void walk(JsonNode node, String pointer) {
        if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                walk(node.get(index), pointer + "/" + index);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = pointer + "/" + field.getKey();
            JsonNode value = field.getValue();
            if (field.getKey().equals("customProperties")) {
                continue; // free-form: a key named like a standard one there is not the standard's
            }
            if (field.getKey().equals("quality") && value.isArray()) {
                for (int index = 0; index < value.size(); index++) {
                    if (value.get(index) instanceof ObjectNode rule) {
                        renameRule(rule, at + "/" + index);
                    }
                }
            }
            if (field.getKey().equals("logicalTypeOptions") && value instanceof ObjectNode options) {
                exclusiveBound(options, "Minimum");
                exclusiveBound(options, "Maximum");
            }
            walk(value, at);
        }
    }

    private void renameRule(ObjectNode quality, String pointer) {
        if (!quality.has("rule")
                || quality.has("metric")
                || !quality.path("type").asText("library").equals("library")) {
            return;
        }
        String rule = quality.get("rule").asText();
        if (rule.equals("validValues")) {
            validValues(quality, pointer);
            return;
        }
        String metric = METRIC_OF_RULE.get(rule);
        if (metric == null) {
            inexpressible.add(new FieldError(
                    pointer + "/rule",
                    "library rule '%s' has no ODCS v3.1.0 metric (nullValues, missingValues, invalidValues, duplicateValues, rowCount)"
                            .formatted(rule)));
            return;
        }
        replace(quality, "rule", "metric", quality.textNode(metric));
    }

    /** 3.0's "only these values" is 3.1's "no value outside these": invalidValues, arguments.validValues, mustBe 0. */
    private void validValues(ObjectNode quality, String pointer) {
        JsonNode allowed = quality.get("validValues");
        if (allowed == null || !allowed.isArray()) {
            inexpressible.add(new FieldError(pointer + "/validValues", "a validValues rule needs its list of values"));
            return;
        }
        if (OPERATORS.stream().anyMatch(quality::has)) {
            inexpressible.add(
                    new FieldError(
                            pointer,
                            "a validValues rule with a threshold has no exact ODCS v3.1.0 form: say it with metric invalidValues"));
            return;
        }
        replace(quality, "rule", "metric", quality.textNode("invalidValues"));
        quality.remove("validValues");
        quality.putObject("arguments").set("validValues", allowed);
        quality.set("mustBe", IntNode.valueOf(0));
    }

    /** {@code minimum: 5, exclusiveMinimum: true} is {@code exclusiveMinimum: 5}; a false flag says nothing. */
    private static void exclusiveBound(ObjectNode options, String bound) {
        String flag = "exclusive" + bound;
        String limit = bound.toLowerCase(java.util.Locale.ROOT);
        JsonNode exclusive = options.get(flag);
        if (exclusive == null || !exclusive.isBoolean()) {
            return;
        }
        if (exclusive.booleanValue() && options.has(limit)) {
            JsonNode value = options.get(limit);
            options.remove(limit);
            options.set(flag, value);
        } else {
            options.remove(flag);
        }
    }

    /** Renames a field where it stands, so the document reads in the order it was written. */
    private static void replace(ObjectNode node, String from, String to, JsonNode value) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        node.removeAll();
        for (Map.Entry<String, JsonNode> field : fields) {
            if (field.getKey().equals(from)) {
                node.set(to, value);
            } else {
                node.set(field.getKey(), field.getValue());
            }
        }
    }
}
