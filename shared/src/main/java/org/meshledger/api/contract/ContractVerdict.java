package org.meshledger.api.contract;

import java.util.List;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.ContractChange;

/** What publishing a version would mean: its change set, what of it breaks under the product's mode, the bump needed. */
public record ContractVerdict(List<ContractChange> changes, List<BreakingChange> breakingChanges, Bump bump) {}
