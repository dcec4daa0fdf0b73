package org.meshledger.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ODCS document as nested maps in which the lists that name their elements are keyed by those names (schema
 * objects and properties by {@code name}, SLA properties by {@code property}, quality rules by {@code name} or
 * position), so two versions compare path by path: {@code schema.orders.properties.order_date.logicalType}.
 */
public final class ContractTree {

    private static final Map<String, String> KEYED_LISTS =
            Map.of("schema", "name", "properties", "name", "slaProperties", "property", "quality", "name");

    private ContractTree() {}

    public static Map<String, Object> of(JsonNode document) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) normalise(document, null);
        return tree;
    }

    /**
     * The same tree with every number in the form {@link #of} gives it, whatever a deserialiser made of it: a
     * snapshot read back must compare equal to the tree it was written from.
     */
    @SuppressWarnings("unchecked")
    public static <T> T canonical(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put((String) key, canonical(element)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(canonical(element)));
            return (T) copy;
        }
        if (value instanceof Number number) {
            return (T) new java.math.BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }

    private static Object normalise(JsonNode node, String field) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields()
                    .forEachRemaining(entry -> map.put(entry.getKey(), normalise(entry.getValue(), entry.getKey())));
            return map;
        }
        if (node.isArray()) {
            String key = KEYED_LISTS.get(field);
            if (key != null && allObjects(node)) {
                Map<String, Object> keyed = new LinkedHashMap<>();
                for (int index = 0; index < node.size(); index++) {
                    JsonNode element = node.get(index);
                    boolean named = element.hasNonNull(key);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> normalised = (Map<String, Object>) normalise(element, null);
                    if (named) {
                        normalised.remove(key); // the key names the element; it is not a change of its own
                    }
                    keyed.put(named ? element.get(key).asText() : "#" + index, normalised);
                }
                return keyed;
            }
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(normalise(element, null)));
            return list;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }
}
