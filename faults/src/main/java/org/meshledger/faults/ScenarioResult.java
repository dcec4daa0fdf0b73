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

    boolean passed() {
        return lost == 0 && duplicated == 0 && acknowledged > 0 && problems.isEmpty();
    }
}
