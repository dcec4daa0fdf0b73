package org.meshledger.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store frozen for 10 s ({@code kill -STOP}, then {@code -CONT}) a third of the way through a burst: its
 * connections stay open and silent, as with a stalled disk or a dead network path. Every request is answered within
 * the client's timeout (a 503 problem while the store is silent, none hangs), health goes DOWN, and afterwards every
 * command is in the audit stream exactly once. Recovered: from the thaw until a write through each command side is
 * read through each query side.
 */
final class StoreFrozen implements Scenario {

    private static final Duration FROZEN_FOR = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "store frozen 10 s";
    }

    @Override
    public ScenarioResult run(Topology topology, Sizes sizes) throws Exception {
        LedgerCalls calls = new LedgerCalls();
        ClientLog log = new ClientLog();
        Writers writers = new Writers(calls, topology.commandPorts(), log, "frozen-store", sizes.writers());
        Probe probe = new Probe(calls, "frozen-store");
        writers.registerProducts();
        probe.register(topology.commandPorts().get(0));
        AtomicReference<Double> recovered = new AtomicReference<>();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        writers.write(sizes.commands(), sizes.commands() / 3, () -> {
            try {
                topology.freeze(Topology.STORE);
                Instant thawAt = Instant.now().plus(FROZEN_FOR);
                boolean down = false;
                while (Instant.now().isBefore(thawAt)) {
                    down |= topology.health("command-a") == 503;
                    Thread.sleep(200);
                }
                topology.thaw(Topology.STORE);
                Instant thawed = Instant.now();
                if (!down) {
                    problems.add("command-a's health never went DOWN while the store was frozen");
                }
                notes.add("health DOWN while the store was frozen: " + down);
                recovered.set(probe.secondsToRecover(thawed, topology.commandPorts(), topology.queryPorts()));
            } catch (Exception failed) {
                problems.add("the fault failed: " + failed);
            }
        });
        CommandSideKilled.awaitRecovery(recovered);
        notes.add(log.unavailableAnswers() + " answers were 503 problems while the store was silent; "
                + log.hungRequests() + " requests got no answer within " + LedgerCalls.TIMEOUT.toSeconds() + " s");
        if (log.hungRequests() > 0) {
            problems.add(log.hungRequests() + " requests hung past the client's timeout");
        }
        Tally tally = Tally.of(log, new AuditStream(calls).eventsByKey(topology.port("query-a"), writers.products()));
        return ScenarioResult.of(name(), tally, recovered.get(), notes, problems);
    }
}
