package org.meshledger.api.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.meshledger.api.model.ContractChange;
import org.meshledger.api.model.ContractChange.Kind;

/** Every added, removed and updated path between two contract trees, with old and new values. */
final class ContractDiff {

    private ContractDiff() {}

    static List<ContractChange> between(Map<String, Object> previous, Map<String, Object> next) {
        List<ContractChange> changes = new ArrayList<>();
        compare("", previous, next, changes);
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static void compare(
            String prefix, Map<String, Object> previous, Map<String, Object> next, List<ContractChange> changes) {
        Set<String> keys = new LinkedHashSet<>(previous.keySet());
        keys.addAll(next.keySet());
        for (String key : keys) {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            Object before = previous.get(key);
            Object after = next.get(key);
            if (before instanceof Map<?, ?> beforeMap && after instanceof Map<?, ?> afterMap) {
                compare(path, (Map<String, Object>) beforeMap, (Map<String, Object>) afterMap, changes);
            } else if (!previous.containsKey(key)) {
                appear(path, after, Kind.ADDED, changes);
            } else if (!next.containsKey(key)) {
                appear(path, before, Kind.REMOVED, changes);
            } else if (!Objects.equals(before, after)) {
                changes.add(new ContractChange(path, Kind.UPDATED, before, after, false));
            }
        }
    }

    /** A node that is only on one side, with every leaf below it. */
    @SuppressWarnings("unchecked")
    private static void appear(String path, Object value, Kind kind, List<ContractChange> changes) {
        if (value instanceof Map<?, ?> map) {
            changes.add(new ContractChange(path, kind, null, null, false));
            ((Map<String, Object>) map).forEach((key, child) -> appear(path + "." + key, child, kind, changes));
        } else {
            changes.add(new ContractChange(
                    path, kind, kind == Kind.REMOVED ? value : null, kind == Kind.ADDED ? value : null, false));
        }
    }
}
