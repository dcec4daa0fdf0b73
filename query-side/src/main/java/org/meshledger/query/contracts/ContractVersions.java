package org.meshledger.query.contracts;

import java.util.List;
import java.util.Optional;

/** A product's contract versions in publication order, with the view's version for read-your-writes. */
public record ContractVersions(
        String productId, String currentContractVersion, List<ContractVersionSummary> versions, long version) {

    public Optional<ContractVersionSummary> find(String contractVersion) {
        return versions.stream()
                .filter(summary -> summary.contractVersion().equals(contractVersion))
                .findFirst();
    }

    /** The version published just before the current one, or the current one when it is the only one. */
    public String previousOrCurrent() {
        return versions.size() < 2
                ? currentContractVersion
                : versions.get(versions.size() - 2).contractVersion();
    }

    public int positionOf(String contractVersion) {
        return versions.stream()
                .map(ContractVersionSummary::contractVersion)
                .toList()
                .indexOf(contractVersion);
    }
}
