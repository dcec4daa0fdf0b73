package org.meshledger.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.meshledger.faults.ClientLog.Command;

/** The client's log held against the audit stream: what it was told landed and did not, and what landed twice. */
record Tally(long acknowledged, long landedOnRetry, long lost, long duplicated, List<String> problems) {

    static Tally of(ClientLog log, Map<String, Integer> eventsByKey) {
        long lost = 0;
        long duplicated = 0;
        long landedOnRetry = 0;
        List<String> problems = new ArrayList<>(log.refusals());
        for (Command command : log.commands()) {
            int events = eventsByKey.getOrDefault(command.key(), 0);
            if (command.outcome() == ClientLog.Outcome.LANDED_ON_RETRY) {
                landedOnRetry++;
            }
            if (events == 0) {
                lost++;
                problems.add(command.key() + " (" + command.outcome() + ") is not in the audit stream");
            } else if (events > 1) {
                duplicated++;
                problems.add(command.key() + " caused " + events + " events");
            }
        }
        return new Tally(log.acknowledged(), landedOnRetry, lost, duplicated, List.copyOf(problems));
    }
}
