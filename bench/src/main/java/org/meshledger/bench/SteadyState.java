package org.meshledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Untimed rounds of a workload until the JIT compilers of the JVMs doing it have gone quiet: a service runs for hours,
 * and its steady state is the figure. On 2 cores the compilers go on with a framework-heavy request path long after
 * start: the command side's rate went from about 400 to 1,200 events/s over 13,000 products (52,000 commands), its
 * C2 thread using a third of a core until then, and the query side's read rate from 2,000 to 4,500 reads/s over some
 * 100,000 reads.
 */
final class SteadyState {

    /** Rounds in a row that each JVM's compiler threads must have used under {@link #QUIET_SHARE} of a core. */
    private static final int QUIET_ROUNDS = 2;

    private static final double QUIET_SHARE = 1.0 / 20;

    @FunctionalInterface
    interface Round {
        /** Does one round's work; {@code round} counts from 0, for workloads that need fresh names each round. */
        void run(int round) throws Exception;
    }

    private SteadyState() {}

    /**
     * Runs {@code round} until every JVM in {@code jvms} has gone quiet or {@code limit} has passed.
     *
     * @param unit what a round does {@code roundSize} of, e.g. {@code events}
     * @return how long it took and how the rate moved, as the report shows it
     */
    static String warmUp(String unit, int roundSize, Round round, Map<String, ProcessHandle> jvms, Duration limit)
            throws Exception {
        List<String> rounds = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        int quietRounds = 0;
        long started = System.nanoTime();
        while (System.nanoTime() - started < limit.toNanos() && quietRounds < QUIET_ROUNDS) {
            Map<String, Long> compiledBefore = compilerMillis(jvms);
            long roundStarted = System.nanoTime();
            round.run(rates.size());
            double roundMillis = (System.nanoTime() - roundStarted) / 1e6;
            double busiestShare = 0;
            boolean measurable = true;
            for (Map.Entry<String, Long> jvm : compilerMillis(jvms).entrySet()) {
                long before = compiledBefore.get(jvm.getKey());
                measurable &= before >= 0 && jvm.getValue() >= 0;
                busiestShare = Math.max(busiestShare, (jvm.getValue() - before) / roundMillis);
            }
            quietRounds = measurable && busiestShare < QUIET_SHARE ? quietRounds + 1 : 0;
            rates.add(roundSize / (roundMillis / 1e3));
            rounds.add("%.0f (JIT %.0f%%)".formatted(rates.get(rates.size() - 1), 100 * busiestShare));
        }
        System.out.printf("  warm-up rounds, %s/s (busiest JIT's share of a core): %s%n", unit, rounds);
        return "%,d %s in %.0f s, %s; %s/s first round %.0f, last %.0f"
                .formatted(
                        (long) rates.size() * roundSize,
                        unit,
                        (System.nanoTime() - started) / 1e9,
                        quietRounds >= QUIET_ROUNDS
                                ? "until the JIT went quiet (" + String.join(", ", jvms.keySet()) + ")"
                                : "time limit, the JIT still busy",
                        unit,
                        rates.get(0),
                        rates.get(rates.size() - 1));
    }

    private static Map<String, Long> compilerMillis(Map<String, ProcessHandle> jvms) {
        Map<String, Long> millis = new LinkedHashMap<>();
        jvms.forEach((name, jvm) -> millis.put(name, JitActivity.compilerMillis(jvm)));
        return millis;
    }
}
