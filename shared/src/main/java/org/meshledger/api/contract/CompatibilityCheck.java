package org.meshledger.api.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.ContractChange;

/**
 * Judges a new contract version against the earlier ones under a compatibility mode: the change set against the
 * latest, the breaking changes against the latest (or, in a transitive mode, against every earlier version).
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {}

    /** {@code earlier} in publication order, oldest first; empty for a product's first contract. */
    public static ContractVerdict judge(
            List<Map<String, Object>> earlier, Map<String, Object> next, Compatibility mode) {
        if (earlier.isEmpty()) {
            return new ContractVerdict(List.of(), List.of(), Bump.MAJOR);
        }
        Map<String, Object> latest = earlier.get(earlier.size() - 1);
        List<Map<String, Object>> judgedAgainst = mode.transitive() ? earlier : List.of(latest);
        Map<String, BreakingChange> breaking = new LinkedHashMap<>();
        for (Map<String, Object> previous : judgedAgainst) {
            for (BreakingChange change : BreakingRules.between(previous, next)) {
                if (change.directions().stream().anyMatch(mode::enforces)) {
                    breaking.putIfAbsent(change.path() + " " + change.rule(), change);
                }
            }
        }
        List<ContractChange> changes = new ArrayList<>();
        for (ContractChange change : ContractDiff.between(latest, next)) {
            changes.add(
                    change.judged(breaking.values().stream().anyMatch(found -> within(change.path(), found.path()))));
        }
        Bump bump = !breaking.isEmpty()
                ? Bump.MAJOR
                : changes.stream().anyMatch(change -> change.kind() == ContractChange.Kind.ADDED)
                        ? Bump.MINOR
                        : Bump.PATCH;
        return new ContractVerdict(List.copyOf(changes), List.copyOf(breaking.values()), bump);
    }

    /**
     * From the first of {@code versions} (oldest first) to the last: the change set, and the breaks of the last
     * against each earlier one in either direction, whatever a product's mode, so a reader sees everything that
     * would break someone.
     */
    public static ContractComparison compare(List<ContractComparison.Version> versions) {
        ContractComparison.Version from = versions.get(0);
        ContractComparison.Version to = versions.get(versions.size() - 1);
        Map<String, ContractComparison.Break> breaks = new LinkedHashMap<>();
        for (ContractComparison.Version earlier : versions.subList(0, versions.size() - 1)) {
            for (BreakingChange change : BreakingRules.between(earlier.tree(), to.tree())) {
                breaks.putIfAbsent(
                        change.path() + " " + change.rule(), new ContractComparison.Break(change, earlier.label()));
            }
        }
        List<ContractChange> changes = ContractDiff.between(from.tree(), to.tree()).stream()
                .map(change -> change.judged(breaks.values().stream()
                        .anyMatch(found -> within(change.path(), found.change().path()))))
                .toList();
        return new ContractComparison(changes, List.copyOf(breaks.values()));
    }

    public static Map<String, Object> tree(com.fasterxml.jackson.databind.JsonNode document) {
        return ContractTree.of(document);
    }

    private static boolean within(String path, String breakingPath) {
        return path.equals(breakingPath) || path.startsWith(breakingPath + ".");
    }
}
