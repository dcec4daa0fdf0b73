package org.meshledger.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.meshledger.platform.testing.ViewDigest;

/**
 * {@code kill -9} of a query side while both catch up on the whole log into an empty database, with writers writing:
 * the other claims its segments once their claims time out, the killed one is started again, and afterwards every
 * view equals a rebuild from scratch into a fresh database, document for document. Recovered: from the restart until
 * a write through each command side is read through each query side.
 */
final class QuerySideKilled implements Scenario {

    private static final Duration DEAD_FOR = Duration.ofSeconds(3);
    private static final Duration SETTLE_WITHIN = Duration.ofMinutes(3);
    private static final String CAUGHT_UP_AGAIN = "faults_views_catch_up";
    private static final String REBUILT = "faults_views_rebuilt";

    @Override
    public String name() {
        return "query side killed in a catch-up";
    }

    @Override
    public ScenarioResult run(Topology topology, Sizes sizes) throws Exception {
        LedgerCalls calls = new LedgerCalls();
        ClientLog log = new ClientLog();
        Writers writers = new Writers(calls, topology.commandPorts(), log, "killed-query", sizes.writers());
        Probe probe = new Probe(calls, "killed-query");
        writers.registerProducts();
        probe.register(topology.commandPorts().get(0));
        for (String side : Topology.QUERY_SIDES) {
            topology.startQuerySide(side, CAUGHT_UP_AGAIN);
        }
        for (String side : Topology.QUERY_SIDES) {
            topology.awaitHealthy(side, Duration.ofMinutes(2));
        }
        AtomicReference<Double> recovered = new AtomicReference<>();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        writers.write(sizes.commands(), sizes.commands() / 3, () -> {
            try {
                topology.kill("query-a");
                Thread.sleep(DEAD_FOR.toMillis());
                Instant restarted = Instant.now();
                topology.start("query-a");
                topology.awaitHealthy("query-a", Duration.ofMinutes(2));
                recovered.set(probe.secondsToRecover(restarted, topology.commandPorts(), topology.queryPorts()));
            } catch (Exception failed) {
                problems.add("the fault failed: " + failed);
            }
        });
        CommandSideKilled.awaitRecovery(recovered);
        Tally tally = Tally.of(log, new AuditStream(calls).eventsByKey(topology.port("query-b"), writers.products()));
        problems.addAll(comparedWithARebuild(topology, notes));
        return ScenarioResult.of(name(), tally, recovered.get(), notes, problems);
    }

    /** A third query side builds every view from scratch; the two databases must come to hold the same documents. */
    private static List<String> comparedWithARebuild(Topology topology, List<String> notes) throws Exception {
        topology.startQuerySide("query-rebuild", REBUILT);
        topology.awaitHealthy("query-rebuild", Duration.ofMinutes(2));
        try (MongoClient mongo = MongoClients.create(topology.storeUri())) {
            Instant giveUp = Instant.now().plus(SETTLE_WITHIN);
            Map<String, String> caughtUp = Map.of();
            Map<String, String> rebuilt = Map.of();
            while (Instant.now().isBefore(giveUp)) {
                caughtUp = ViewDigest.perView(mongo.getDatabase(CAUGHT_UP_AGAIN));
                rebuilt = ViewDigest.perView(mongo.getDatabase(REBUILT));
                if (caughtUp.equals(rebuilt)) {
                    notes.add("every view equals a rebuild from scratch: %d documents"
                            .formatted(ViewDigest.documents(mongo.getDatabase(REBUILT))));
                    return List.of();
                }
                Thread.sleep(500);
            }
            List<String> differing = Collections.synchronizedList(new ArrayList<>());
            for (String view : rebuilt.keySet()) {
                if (!rebuilt.get(view).equals(caughtUp.get(view))) {
                    differing.add(view);
                }
            }
            return List.of("views differ from a rebuild after " + SETTLE_WITHIN + ": " + differing);
        } finally {
            topology.kill("query-rebuild");
        }
    }
}
