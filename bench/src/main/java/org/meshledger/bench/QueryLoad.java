package org.meshledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Reads as the web UI and auditors make them, and the lag a writer sees before its write can be read. */
final class QueryLoad {

    static final String VIEWER = "dev-viewer";

    private static final String NO_ROUTE = "/api/no-such-resource";
    private static final int CHECKERS = 8;

    private final Client client;
    private final int port;

    QueryLoad(Client client, int port) {
        this.client = client;
        this.port = port;
    }

    /**
     * Waits until every product's ownership history holds its four periods, asking for several products at once;
     * returns {lost, duplicated}.
     */
    long[] periodsMissingAndExtra(List<String> productIds, int expectedPeriods) throws Exception {
        ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS);
        try {
            List<Future<Integer>> periods = new ArrayList<>();
            for (String id : productIds) {
                periods.add(checkers.submit(() -> periods(id, expectedPeriods)));
            }
            long lost = 0;
            long duplicated = 0;
            for (Future<Integer> found : periods) {
                lost += Math.max(0, expectedPeriods - found.get());
                duplicated += Math.max(0, found.get() - expectedPeriods);
            }
            return new long[] {lost, duplicated};
        } finally {
            checkers.shutdownNow();
        }
    }

    /** The periods in a product's ownership history, once it holds the expected number or after 5 seconds. */
    private int periods(String productId, int expectedPeriods) throws InterruptedException {
        int periods = -1;
        for (int attempt = 0; attempt < 50 && periods != expectedPeriods; attempt++) {
            Client.Answer answer = client.get(port, "/api/products/" + productId + "/ownership-history", VIEWER);
            periods = answer.status() == 200 ? answer.json().get("periods").size() : 0;
            if (periods < expectedPeriods) {
                Thread.sleep(100);
            }
        }
        return periods;
    }

    /**
     * Waits until every view's processor has read the whole log: lag and read latency are figures of a query side in
     * its steady state, not of one still catching up on the history written before it started (timed separately).
     */
    void awaitViewsCaughtUp(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Client.Answer answer = client.get(port, "/api/admin/projections", "dev-steward");
            if (answer.status() == 200 && allCaughtUp(answer.json())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The views did not catch up within " + limit);
    }

    private static boolean allCaughtUp(com.fasterxml.jackson.databind.JsonNode processors) {
        for (com.fasterxml.jackson.databind.JsonNode processor : processors) {
            // caughtUp stays true once reached; lag says whether the view has read up to the last event
            if (!processor.path("caughtUp").asBoolean() || processor.path("lag").asLong() > 0) {
                return false;
            }
        }
        return processors.size() > 0;
    }

    /** p99 in ms of product summaries and ownership histories read by {@code readers} concurrent readers. */
    double readP99(List<String> productIds, int readers, int reads) throws Exception {
        List<Long> nanos = timedReads(readers, reads, 200, summariesAndHistories(productIds));
        System.out.printf("  reads: %s over %d%n", Percentiles.spread(nanos), nanos.size());
        return Percentiles.millis(nanos, 99);
    }

    /**
     * Reads as {@link #readP99} does and asks for the floor's path as {@link #httpFloor} does, untimed, in rounds of
     * {@code roundReads} reads and half as many floor requests, until the JVMs serving them have reached their steady
     * state ({@link SteadyState}): one warm-up for both timings, which share most of their code.
     */
    String warmUpReadsAndFloor(
            List<String> productIds,
            int readers,
            int roundReads,
            Duration limit,
            Map<String, ProcessHandle> servingJvms)
            throws Exception {
        return SteadyState.warmUp(
                "requests",
                roundReads + roundReads / 2,
                round -> {
                    timedReads(readers, roundReads, 200, summariesAndHistories(productIds));
                    timedReads(readers, roundReads / 2, 404, () -> NO_ROUTE);
                },
                servingJvms,
                limit);
    }

    private static Supplier<String> summariesAndHistories(List<String> productIds) {
        return () -> {
            String id = productIds.get(ThreadLocalRandom.current().nextInt(productIds.size()));
            return ThreadLocalRandom.current().nextBoolean()
                    ? "/api/products/" + id
                    : "/api/products/" + id + "/ownership-history";
        };
    }

    /**
     * The same readers asking for a path no route serves: authenticated, authorised and answered with a 404 problem,
     * without a view read. What the HTTP stack alone costs under this concurrency on this machine, the floor under
     * {@link #readP99}.
     */
    String httpFloor(int readers, int reads) throws Exception {
        List<Long> nanos = timedReads(readers, reads, 404, () -> NO_ROUTE);
        return Percentiles.spread(nanos);
    }

    private List<Long> timedReads(int readers, int reads, int status, Supplier<String> paths) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>(reads));
        AtomicInteger remaining = new AtomicInteger(reads);
        ExecutorService threads = Executors.newFixedThreadPool(readers);
        List<Future<?>> done = new ArrayList<>();
        for (int reader = 0; reader < readers; reader++) {
            done.add(threads.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    Client.Answer answer = client.get(port, paths.get(), VIEWER);
                    CommandLoad.expect(status, answer);
                    nanos.add(answer.nanos());
                }
                return null;
            }));
        }
        for (Future<?> reader : done) {
            reader.get();
        }
        threads.shutdown();
        return nanos;
    }

    /**
     * From each write's acknowledgement by the command side to the moment the query side answers it: the read asks
     * for the written version ({@code minVersion}), so it returns as soon as the view has applied it.
     */
    List<Long> lags(CommandLoad commands, String productId, int writes) {
        CommandLoad.expect(201, commands.register(productId));
        List<Long> lags = new ArrayList<>();
        for (int write = 0; write < writes; write++) {
            Client.Answer written = commands.transfer(productId, "team-" + (write % 2), "team-" + ((write + 1) % 2));
            CommandLoad.expect(200, written);
            long acknowledged = System.nanoTime();
            long version = written.json().get("version").asLong();
            Client.Answer read = client.get(port, "/api/products/" + productId + "?minVersion=" + version, VIEWER);
            CommandLoad.expect(200, read);
            lags.add(System.nanoTime() - acknowledged);
        }
        return lags;
    }
}
