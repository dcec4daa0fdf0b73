package org.meshledger.query.console;

import java.util.ArrayList;
import java.util.List;
import org.meshledger.query.contracts.ContractVersionSummary;
import org.meshledger.query.contracts.ContractVersions;

/** A contract version as a row of the versions table, with the version it is compared to: null for the first. */
public record VersionRow(ContractVersionSummary version, String previous) {

    /** Page {@code number} of a product's versions, oldest first, {@code size} to a page. */
    static ListPage<VersionRow> page(ContractVersions versions, int size, int number) {
        List<VersionRow> rows = new ArrayList<>();
        String previous = null;
        for (ContractVersionSummary version : versions.versions()) {
            rows.add(new VersionRow(version, previous));
            previous = version.contractVersion();
        }
        return ListPage.of(rows, size, number);
    }

    /** The page holding the newest version, where a person looks first. */
    static ListPage<VersionRow> newest(ContractVersions versions, int size) {
        return page(versions, size, Integer.MAX_VALUE);
    }
}
