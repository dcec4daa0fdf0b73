package org.meshledger.api.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each breaking rule of {@link BreakingRules} in words a producer or consumer reads: what changed and whom it
 * breaks. A rule list ({@code "TYPE_CHANGED, OPTIONAL_TO_REQUIRED"}) explains one sentence per rule.
 */
public final class RuleExplanations {

    private static final String OLD_DATA = "data already published may not fit the new contract";
    private static final String CONSUMERS = "consumers built on the old contract may fail on new data";

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry("OBJECT_REMOVED", "The object was removed: " + CONSUMERS + " (it is read by name)."),
            Map.entry("PROPERTY_REMOVED", "The property was removed: " + CONSUMERS + " (columns are read by name)."),
            Map.entry(
                    "REQUIRED_PROPERTY_ADDED",
                    "A required property was added to an existing object: " + OLD_DATA + " (it has no value)."),
            Map.entry("TYPE_CHANGED", "The type changed: " + OLD_DATA + ", and " + CONSUMERS + "."),
            Map.entry("OPTIONAL_TO_REQUIRED", "An optional property became required: " + OLD_DATA + " (nulls)."),
            Map.entry(
                    "REQUIRED_TO_OPTIONAL",
                    "A required property became optional: " + CONSUMERS + " (nulls they never saw)."),
            Map.entry("UNIQUE_ADDED", "Values must now be unique: " + OLD_DATA + "."),
            Map.entry("PRIMARY_KEY_ADDED", "The property became a primary key: " + OLD_DATA + "."),
            Map.entry("ENUM_ADDED", "The values are now limited to a list: " + OLD_DATA + "."),
            Map.entry("ENUM_REMOVED", "The list of allowed values was dropped: " + CONSUMERS + "."),
            Map.entry("ENUM_VALUE_REMOVED", "An allowed value was removed: " + OLD_DATA + "."),
            Map.entry("ENUM_VALUE_ADDED", "An allowed value was added: " + CONSUMERS + " (a value they never saw)."),
            Map.entry("PATTERN_TIGHTENED", "A pattern now constrains the values: " + OLD_DATA + "."),
            Map.entry("PATTERN_LOOSENED", "The pattern was dropped: " + CONSUMERS + "."),
            Map.entry("PATTERN_CHANGED", "The pattern changed: " + OLD_DATA + ", and " + CONSUMERS + "."),
            Map.entry("QUALITY_RULE_ADDED", "A quality rule was added: " + OLD_DATA + "."),
            Map.entry("QUALITY_RULE_TIGHTENED", "A quality rule asks more of the data: " + OLD_DATA + "."));

    private RuleExplanations() {}

    public static List<String> of(String rules) {
        return Arrays.stream(rules.split(",\\s*"))
                .map(RuleExplanations::sentence)
                .toList();
    }

    private static String sentence(String rule) {
        String known = SENTENCES.get(rule);
        if (known != null) {
            return known;
        }
        if (rule.endsWith("_TIGHTENED")) {
            return "The limit %s is tighter: %s.".formatted(limit(rule, "_TIGHTENED"), OLD_DATA);
        }
        if (rule.endsWith("_LOOSENED")) {
            return "The limit %s is looser: %s.".formatted(limit(rule, "_LOOSENED"), CONSUMERS);
        }
        return "Breaks the rule " + rule + ".";
    }

    /** {@code MAXLENGTH_TIGHTENED} names the ODCS option {@code maxLength}. */
    private static String limit(String rule, String suffix) {
        String option = rule.substring(0, rule.length() - suffix.length()).toLowerCase(Locale.ROOT);
        return java.util.stream.Stream.concat(BreakingRules.UPPER_LIMITS.stream(), BreakingRules.LOWER_LIMITS.stream())
                .filter(known -> known.toLowerCase(Locale.ROOT).equals(option))
                .findFirst()
                .orElse(option);
    }
}
