package org.meshledger.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code kill -9} of the store a third of the way through a burst, and a restart on the same files: every
 * acknowledged write survives, both sides reconnect by themselves, and a command side's health goes DOWN while the
 * store is away and UP again after. Recovered: from the store's restart until a write through each command side is
 * read through each query side.
 */
final class StoreKilled implements Scenario {

    private static final Duration DEAD_FOR = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "store killed mid-burst";
    }

    @Override
    public ScenarioResult run(Topology topology, Sizes sizes) throws Exception {
        LedgerCalls calls = new LedgerCalls();
        ClientLog log = new ClientLog();
        Writers writers = new Writers(calls, topology.commandPorts(), log, "killed-store", sizes.writers());
        Probe probe = new Probe(calls, "killed-store");
        writers.registerProducts();
        probe.register(topology.commandPorts().get(0));
        AtomicReference<Double> recovered = new AtomicReference<>();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        writers.write(sizes.commands(), sizes.commands() / 3, () -> {
            try {
                topology.kill(Topology.STORE);
                Instant deadline = Instant.now().plus(DEAD_FOR);
                boolean down = false;
                while (Instant.now().isBefore(deadline)) {
                    down |= topology.health("command-a") == 503;
                    Thread.sleep(200);
                }
                if (!down) {
                    problems.add("command-a's health never went DOWN while the store was away");
                }
                Instant restarted = Instant.now();
                topology.start(Topology.STORE);
                for (String service : topology.services()) {
                    topology.awaitHealthy(service, Duration.ofMinutes(2));
                }
                notes.add("health DOWN while the store was away: " + down + "; every service UP "
                        + Duration.between(restarted, Instant.now()).toMillis() + " ms after its restart");
                recovered.set(probe.secondsToRecover(restarted, topology.commandPorts(), topology.queryPorts()));
            } catch (Exception failed) {
                problems.add("the fault failed: " + failed);
            }
        });
        CommandSideKilled.awaitRecovery(recovered);
        Tally tally = Tally.of(log, new AuditStream(calls).eventsByKey(topology.port("query-a"), writers.products()));
        return ScenarioResult.of(name(), tally, recovered.get(), notes, problems);
    }
}
