package org.meshledger.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario against one topology, in turn, and reports. Exits 1 when a scenario lost or duplicated a
 * command, or found another problem.
 */
public final class FaultsMain {

    private FaultsMain() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Scenario.Sizes sizes = quick ? Scenario.Sizes.QUICK : Scenario.Sizes.FULL;
        Path results = Files.createDirectories(Path.of("faults", "results"));
        List<Scenario> scenarios =
                List.of(new CommandSideKilled(), new QuerySideKilled(), new StoreKilled(), new StoreFrozen());
        List<ScenarioResult> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        try (Topology topology = new Topology(Path.of("."), results.resolve("logs"))) {
            say(started, "starting the store, two command sides and two query sides");
            topology.start(Map.of());
            for (Scenario scenario : scenarios) {
                say(started, scenario.name());
                ScenarioResult outcome = scenario.run(topology, sizes);
                outcomes.add(outcome);
                say(
                        started,
                        "%s: %d acknowledged, %d lost, %d duplicated, recovered in %.2f s%s"
                                .formatted(
                                        outcome.name(),
                                        outcome.acknowledged(),
                                        outcome.lost(),
                                        outcome.duplicated(),
                                        outcome.recoveredSeconds(),
                                        outcome.passed() ? "" : " — FAILED"));
            }
        }
        System.out.println();
        System.out.print(FaultReport.write(results, sizes.mode(), outcomes));
        say(started, "done");
        System.exit(outcomes.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }

    private static void say(long started, String what) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[%02d:%02d] %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(), what);
    }
}
