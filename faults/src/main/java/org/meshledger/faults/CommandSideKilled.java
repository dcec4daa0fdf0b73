package org.meshledger.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code kill -9} of one command side a third of the way through a burst: writers fail over to the other with the
 * same keys, the killed one is started again, and every command is in the audit stream exactly once. Recovered: from
 * the restart until a write through each command side is read through each query side.
 */
final class CommandSideKilled implements Scenario {

    private static final Duration DEAD_FOR = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "command side killed mid-burst";
    }

    @Override
    public ScenarioResult run(Topology topology, Sizes sizes) throws Exception {
        LedgerCalls calls = new LedgerCalls();
        ClientLog log = new ClientLog();
        Writers writers = new Writers(calls, topology.commandPorts(), log, "killed-command", sizes.writers());
        Probe probe = new Probe(calls, "killed-command");
        writers.registerProducts();
        probe.register(topology.commandPorts().get(1));
        AtomicReference<Double> recovered = new AtomicReference<>();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        writers.write(sizes.commands(), sizes.commands() / 3, () -> {
            try {
                topology.kill("command-a");
                Thread.sleep(DEAD_FOR.toMillis());
                Instant restarted = Instant.now();
                topology.start("command-a");
                recovered.set(probe.secondsToRecover(restarted, topology.commandPorts(), topology.queryPorts()));
            } catch (Exception failed) {
                problems.add("the fault failed: " + failed);
            }
        });
        awaitRecovery(recovered);
        Tally tally = Tally.of(log, new AuditStream(calls).eventsByKey(topology.port("query-a"), writers.products()));
        return ScenarioResult.of(name(), tally, recovered.get(), notes, problems);
    }

    static void awaitRecovery(AtomicReference<Double> recovered) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (recovered.get() == null && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
    }
}
