package org.meshledger.api.contract;

import java.util.List;
import java.util.Map;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.ContractChange;

/**
 * What changed from one contract version to a later one, and what of it breaks in either direction: the breaks found
 * against a version in between are the transitive ones, which the direct change set may not show.
 */
public record ContractComparison(List<ContractChange> changes, List<Break> breaks) {

    /** A version's label (its semver) and its tree ({@link ContractTree#of}). */
    public record Version(String label, Map<String, Object> tree) {}

    /** A break of the later version, found against the version labelled {@code against}. */
    public record Break(BreakingChange change, String against) {}
}
