package org.meshledger.faults;

import java.util.List;

/**
 * One scenario's figures, each checked against the client's log and the audit stream, with what else was seen: a
 * scenario passes with nothing lost or duplicated and no problem noted.
 */
record ScenarioResult(
        String name,
        long acknowledged,
        long lost,
        long duplicated,
        double recoveredSeconds,
        List<String> notes,
        List<String> problems) {

    /**
     * The figures of a scenario whose client log was held against the audit stream ({@code tally}); {@code recovered}
     * is null when the ledger never served again, which is a problem of its own.
     */
    static ScenarioResult of(String name, Tally tally, Double recovered, List<String> notes, List<String> problems) {
        List<String> noted = new java.util.ArrayList<>(notes);
        noted.add(tally.landedOnRetry() + " commands whose answer was lost landed on a retry");
        List<String> found = new java.util.ArrayList<>(problems);
        found.addAll(tally.problems());
        if (recovered == null) {
            found.add("the ledger did not serve again after the fault");
        }
        return new ScenarioResult(
                name,
                tally.acknowledged(),
                tally.lost(),
                tally.duplicated(),
                recovered == null ? -1 : recovered,
                List.copyOf(noted),
                List.copyOf(found));
    }

    boolean passed() {
        return lost == 0 && duplicated == 0 && acknowledged > 0 && problems.isEmpty();
    }
}
