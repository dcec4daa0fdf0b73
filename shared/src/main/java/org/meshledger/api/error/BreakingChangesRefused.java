package org.meshledger.api.error;

import java.util.List;
import org.meshledger.api.model.BreakingChange;

/** A contract version refused because it breaks what its mode protects without a new major; every break is listed. */
public class BreakingChangesRefused extends RuleViolation {

    private final List<BreakingChange> breakingChanges;

    public BreakingChangesRefused(String detail, List<BreakingChange> breakingChanges) {
        super(ErrorCode.CONTRACT_BREAKING_WITHOUT_MAJOR, detail);
        this.breakingChanges = List.copyOf(breakingChanges);
    }

    public List<BreakingChange> breakingChanges() {
        return breakingChanges;
    }
}
