package org.meshledger.api.contract;

import static org.meshledger.api.model.Compatibility.Direction.BACKWARD;
import static org.meshledger.api.model.Compatibility.Direction.FORWARD;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Compatibility.Direction;

/**
 * Judges what a new contract version does to the data already published (BACKWARD) and to consumers built on the old
 * version (FORWARD), one entry per object or property that breaks, naming each rule it breaks.
 */
final class BreakingRules {

    static final List<String> UPPER_LIMITS = List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems");
    static final List<String> LOWER_LIMITS = List.of("minLength", "minimum", "exclusiveMinimum", "minItems");

    private BreakingRules() {}

    static List<BreakingChange> between(Map<String, Object> previous, Map<String, Object> next) {
        List<BreakingChange> found = new ArrayList<>();
        Map<String, Object> before = map(previous.get("schema"));
        Map<String, Object> after = map(next.get("schema"));
        before.forEach((name, object) -> {
            String path = "schema." + name;
            if (!after.containsKey(name)) {
                found.add(new BreakingChange(path, "OBJECT_REMOVED", EnumSet.of(FORWARD), name, null));
            } else {
                compareObject(path, map(object), map(after.get(name)), found);
            }
        });
        return found;
    }

    private static void compareObject(
            String path, Map<String, Object> before, Map<String, Object> after, List<BreakingChange> found) {
        Findings own = new Findings();
        qualityAdded(before, after, own);
        own.addTo(path, found);
        Map<String, Object> beforeProperties = map(before.get("properties"));
        Map<String, Object> afterProperties = map(after.get("properties"));
        beforeProperties.forEach((name, property) -> {
            String propertyPath = path + ".properties." + name;
            if (!afterProperties.containsKey(name)) {
                found.add(new BreakingChange(propertyPath, "PROPERTY_REMOVED", EnumSet.of(FORWARD), name, null));
            } else {
                compareProperty(propertyPath, map(property), map(afterProperties.get(name)), found);
            }
        });
        afterProperties.forEach((name, property) -> {
            if (!beforeProperties.containsKey(name) && isTrue(map(property).get("required"))) {
                found.add(new BreakingChange(
                        path + ".properties." + name, "REQUIRED_PROPERTY_ADDED", EnumSet.of(BACKWARD), null, name));
            }
        });
    }

    private static void compareProperty(
            String path, Map<String, Object> before, Map<String, Object> after, List<BreakingChange> found) {
        Findings findings = new Findings();
        for (String type : List.of("logicalType", "physicalType")) {
            if (before.containsKey(type)
                    && after.containsKey(type)
                    && !Objects.equals(before.get(type), after.get(type))) {
                findings.add("TYPE_CHANGED", EnumSet.of(BACKWARD, FORWARD), before.get(type), after.get(type));
            }
        }
        boolean wasRequired = isTrue(before.get("required"));
        boolean isRequired = isTrue(after.get("required"));
        if (!wasRequired && isRequired) {
            findings.add("OPTIONAL_TO_REQUIRED", EnumSet.of(BACKWARD), false, true);
        } else if (wasRequired && !isRequired) {
            findings.add("REQUIRED_TO_OPTIONAL", EnumSet.of(FORWARD), true, false);
        }
        for (String constraint : List.of("unique", "primaryKey")) {
            if (!isTrue(before.get(constraint)) && isTrue(after.get(constraint))) {
                findings.add(
                        constraint.equals("unique") ? "UNIQUE_ADDED" : "PRIMARY_KEY_ADDED",
                        EnumSet.of(BACKWARD),
                        false,
                        true);
            }
        }
        Map<String, Object> beforeOptions = options(before);
        Map<String, Object> afterOptions = options(after);
        compareEnum(beforeOptions.get("enum"), afterOptions.get("enum"), findings);
        compareLimits(beforeOptions, afterOptions, findings);
        qualityAdded(before, after, findings);
        findings.addTo(path, found);
        Map<String, Object> beforeNested = map(before.get("properties"));
        if (!beforeNested.isEmpty()) {
            compareObject(path, before, after, found);
        }
    }

    private static void compareEnum(Object before, Object after, Findings findings) {
        List<?> was = before instanceof List<?> list ? list : null;
        List<?> is = after instanceof List<?> list ? list : null;
        if (was == null && is != null) {
            findings.add("ENUM_ADDED", EnumSet.of(BACKWARD), null, is);
        } else if (was != null && is == null) {
            findings.add("ENUM_REMOVED", EnumSet.of(FORWARD), was, null);
        } else if (was != null) {
            if (!is.containsAll(was)) {
                findings.add("ENUM_VALUE_REMOVED", EnumSet.of(BACKWARD), was, is);
            }
            if (!was.containsAll(is)) {
                findings.add("ENUM_VALUE_ADDED", EnumSet.of(FORWARD), was, is);
            }
        }
    }

    private static void compareLimits(Map<String, Object> before, Map<String, Object> after, Findings findings) {
        for (String limit : UPPER_LIMITS) {
            limit(limit, before.get(limit), after.get(limit), true, findings);
        }
        for (String limit : LOWER_LIMITS) {
            limit(limit, before.get(limit), after.get(limit), false, findings);
        }
        Object pattern = before.get("pattern");
        Object newPattern = after.get("pattern");
        if (pattern == null && newPattern != null) {
            findings.add("PATTERN_TIGHTENED", EnumSet.of(BACKWARD), null, newPattern);
        } else if (pattern != null && newPattern == null) {
            findings.add("PATTERN_LOOSENED", EnumSet.of(FORWARD), pattern, null);
        } else if (pattern != null && !pattern.equals(newPattern)) {
            findings.add("PATTERN_CHANGED", EnumSet.of(BACKWARD, FORWARD), pattern, newPattern);
        }
    }

    /** An upper limit tightens when it appears or falls; a lower one when it appears or rises. */
    private static void limit(String name, Object before, Object after, boolean upper, Findings findings) {
        if (Objects.equals(before, after)) {
            return;
        }
        int direction = before == null ? 1 : after == null ? -1 : compare(after, before) * (upper ? -1 : 1);
        if (direction > 0) {
            findings.add(name.toUpperCase() + "_TIGHTENED", EnumSet.of(BACKWARD), before, after);
        } else if (direction < 0) {
            findings.add(name.toUpperCase() + "_LOOSENED", EnumSet.of(FORWARD), before, after);
        }
    }

    private static void qualityAdded(Map<String, Object> before, Map<String, Object> after, Findings findings) {
        Map<String, Object> rules = map(before.get("quality"));
        map(after.get("quality")).forEach((name, rule) -> {
            if (!rules.containsKey(name)) {
                findings.add("QUALITY_RULE_ADDED", EnumSet.of(BACKWARD), null, name);
            } else if (QualityRules.tightened(map(rules.get(name)), map(rule))) {
                findings.add("QUALITY_RULE_TIGHTENED", EnumSet.of(BACKWARD), rules.get(name), rule);
            }
        });
    }

    private static int compare(Object left, Object right) {
        if (left instanceof BigDecimal leftNumber && right instanceof BigDecimal rightNumber) {
            return leftNumber.compareTo(rightNumber);
        }
        return String.valueOf(left).compareTo(String.valueOf(right));
    }

    private static Map<String, Object> options(Map<String, Object> property) {
        Map<String, Object> options = new java.util.HashMap<>(property);
        options.putAll(map(property.get("logicalTypeOptions")));
        return options;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The rules one object or property breaks, reported as one entry. */
    private static final class Findings {

        private final List<String> rules = new ArrayList<>();
        private final Set<Direction> directions = EnumSet.noneOf(Direction.class);
        private Object oldValue;
        private Object newValue;

        void add(String rule, Set<Direction> broken, Object before, Object after) {
            if (rules.isEmpty()) {
                oldValue = before;
                newValue = after;
            }
            rules.add(rule);
            directions.addAll(broken);
        }

        void addTo(String path, List<BreakingChange> found) {
            if (!rules.isEmpty()) {
                found.add(
                        new BreakingChange(path, String.join(", ", rules), Set.copyOf(directions), oldValue, newValue));
            }
        }
    }
}
