package org.meshledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A query side started on a store that already holds a history, with only the product catalog tracking (the other
 * views subscribe to live events only, so they read nothing), timed as it catches up. Progress is read where a user
 * sees it: a product becomes readable at its last version.
 *
 * <p>A catch-up is timed either in the process's first seconds ({@link #cold}), its JIT compiling throughout, or in
 * steady state ({@link #warm}), as the append and read figures are: the view catches up on up to a round's events
 * of the window (20,000 in a full run: all of the base history, as much of a larger one), untimed, and is rebuilt
 * through the product's own replay (which drops its documents and reads the log again from the first event) until
 * the process's and the store's compilers have gone quiet ({@link SteadyState}); then it is rebuilt as many times
 * as it has timed passes, each catch-up timed, and the median counts. A ratio compares sides timed alike: the raw
 * baseline runs warmed in the long-running harness, and the median of as many passes, so the ledger's side of it is
 * timed warm too.
 */
final class CatchUp {

    private static final List<String> OTHER_VIEWS =
            List.of("ownership-history", "contract-versions", "compliance", "drift-timeline");
    private static final String VIEW = "product-catalog";

    private final ServiceProcesses services;
    private final Client client;
    private final String uri;
    private final Duration warmUpLimit;
    private final int timedPasses;
    private final int warmUpRoundEvents;

    /**
     * @param warmUpLimit the longest a warm run's untimed catch-ups go on for (they stop once the JIT is quiet)
     * @param timedPasses how many times a warm run is rebuilt and timed, the median counting
     * @param warmUpRoundEvents what each untimed catch-up of a warm run reads at most (a round is never cut short)
     */
    CatchUp(
            ServiceProcesses services,
            Client client,
            String uri,
            Duration warmUpLimit,
            int timedPasses,
            int warmUpRoundEvents) {
        this.services = services;
        this.client = client;
        this.uri = uri;
        this.warmUpLimit = warmUpLimit;
        this.timedPasses = timedPasses;
        this.warmUpRoundEvents = warmUpRoundEvents;
    }

    /**
     * @param eventsPerSecond the timed catch-up's rate
     * @param warmUp in a warm run, its untimed catch-ups as the report shows them (empty in a cold run)
     */
    record Result(double eventsPerSecond, long lost, String warmUp, List<Double> passes) {

        String reported() {
            return CatchUp.reported(eventsPerSecond, passes);
        }
    }

    /** A warm run whose process first timed its catch-up from zero as a cold run would have. */
    record ColdThenWarm(Result cold, Result warm) {}

    /** A rate as the report shows it: with every pass's, where there were several. */
    static String reported(double median, List<Double> passes) {
        return passes.size() == 1 ? "%.0f".formatted(median) : "%.0f (median of %s)".formatted(median, rates(passes));
    }

    /** One timed catch-up: its rate, and the products it never catalogued. */
    private record Pass(double eventsPerSecond, long uncatalogued) {}

    /** Rates as the report lists them: whole events per second, in the order they were timed. */
    private static String rates(List<Double> passes) {
        return passes.stream().map(rate -> "%.0f".formatted(rate)).collect(Collectors.joining(", "));
    }

    /**
     * Times a catalog catching up on {@code database} (the ledger) or {@code database_ext} (the extension) in a
     * freshly started process, from an early checkpoint (a tenth of the products, a fiftieth in a partial window) to
     * {@code upTo} of them (1.0: all, then checks every product was catalogued). A partial window keeps the slow peer
     * within the run's time budget; the store still holds every event, which is what its reads pay for.
     */
    Result cold(String database, String engine, int products, double upTo) throws Exception {
        return run(database, engine, products, upTo, 0).cold();
    }

    /** The ledger's catalog timed catching up from zero in a process whose JIT has gone quiet on that work. */
    Result warm(String database, int products, double upTo) throws Exception {
        return run(database, "ledger", products, 0, upTo).warm();
    }

    /**
     * As {@link #cold} up to {@code coldUpTo} of the products, then as {@link #warm} in the same process: one process
     * start fewer where both runs read the same store.
     */
    ColdThenWarm coldThenWarm(String database, int products, double coldUpTo, double upTo) throws Exception {
        return run(database, "ledger", products, coldUpTo, upTo);
    }

    /** A catch-up timed cold up to {@code coldUpTo} of the products and then warm up to {@code warmUpTo}, 0 for none. */
    private ColdThenWarm run(String database, String engine, int products, double coldUpTo, double warmUpTo)
            throws Exception {
        boolean warm = warmUpTo > 0;
        int port = ServiceProcesses.freePort();
        boolean extension = "extension".equals(engine);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.data.mongodb.uri=" + uri,
                "--meshledger.store.engine=" + engine,
                "--meshledger.store.database=" + (extension ? database + "_ext" : database),
                "--meshledger.store.views-database=" + database + "_views_" + engine + (warm ? "_warm" : ""),
                "--meshledger.store.fetch-delay=20ms",
                "--meshledger.store.look-back=100ms"));
        for (String view : OTHER_VIEWS) {
            args.add("--axon.eventhandling.processors." + view + ".mode=subscribing");
            args.add("--axon.eventhandling.processors." + view + ".source=eventStore");
        }
        if (warm) {
            // a summary the last pass read is kept through the next replay, and would answer that pass's probes
            args.add("--meshledger.views.cache.entries=0");
        }
        long started = System.nanoTime();
        Process process = services.startService(
                "catchup-" + database + "-" + engine + (warm ? "-warm" : ""),
                "org.meshledger.query.QuerySideApplication",
                args);
        try {
            services.awaitHealthy(port, Duration.ofMinutes(2));
            Result cold = null;
            if (coldUpTo > 0) {
                Pass pass = timedPass(port, engine, database, products, coldUpTo, started, false);
                cold = new Result(pass.eventsPerSecond(), pass.uncatalogued(), "", List.of(pass.eventsPerSecond()));
            }
            if (!warm) {
                return new ColdThenWarm(cold, null);
            }
            // the untimed catch-ups go on from wherever a cold pass left the catalog
            int warmUpProducts = Math.min(
                    (int) Math.round(products * warmUpTo), warmUpRoundEvents / HistoryLoader.EVENTS_PER_PRODUCT);
            String warmUp = SteadyState.warmUp(
                    "events",
                    warmUpProducts * HistoryLoader.EVENTS_PER_PRODUCT,
                    round -> {
                        if (round > 0) {
                            replay(port);
                        }
                        untimedPass(port, warmUpProducts);
                    },
                    services.withStore("catch-up", process.toHandle()),
                    warmUpLimit);
            List<Pass> passes = new ArrayList<>();
            for (int pass = 0; pass < timedPasses; pass++) {
                replay(port);
                passes.add(timedPass(port, engine, database, products, warmUpTo, System.nanoTime(), true));
            }
            List<Double> rates = passes.stream().map(Pass::eventsPerSecond).toList();
            long lost = passes.stream().mapToLong(Pass::uncatalogued).max().orElseThrow();
            return new ColdThenWarm(cold, new Result(Percentiles.median(rates), lost, warmUp, rates));
        } finally {
            services.stop(process);
        }
    }

    /**
     * One catch-up timed from an early checkpoint (a tenth of the products, a fiftieth in a partial window) to the end
     * of the window.
     */
    private Pass timedPass(
            int port, String engine, String database, int products, double upTo, long started, boolean warm)
            throws Exception {
        int window = (int) Math.round(products * upTo);
        int step = Math.max(1, products / (upTo < 1 ? 50 : 10));
        int checkpoint = step;
        while (checkpoint < window - step / 2 && readable(port, checkpoint)) {
            checkpoint += step;
        }
        boolean early = checkpoint < window - step / 2;
        long from = early ? awaitReadable(port, checkpoint) : started;
        int first = early ? checkpoint + 1 : 0;
        int last = Math.min(products - 1, window - 1);
        long until = awaitReadable(port, last);
        long catalogued = catalogued(port);
        if (last == products - 1) {
            // segments move at their own pace: the last product readable is not yet every product catalogued
            long deadline = until + Duration.ofMinutes(2).toNanos();
            while (catalogued < products && System.nanoTime() < deadline) {
                Thread.sleep(20);
                catalogued = catalogued(port);
                until = System.nanoTime();
            }
        } else {
            catalogued = products;
        }
        double rate = (last + 1 - first) * (double) HistoryLoader.EVENTS_PER_PRODUCT / ((until - from) / 1e9);
        System.out.printf(
                "  %s catch-up on %s%s, products %d to %d of %d: %.0f events/s%n",
                engine, database, warm ? " (warm, rebuilt by a replay)" : "", first, last + 1, products, rate);
        return new Pass(rate, products - catalogued);
    }

    /** Rebuilds the catalog from the first event through the product's replay, which first drops its documents. */
    private void replay(int port) {
        Client.Answer replay =
                client.post(port, "/api/admin/projections/" + VIEW + "/replay", "{}", CommandLoad.STEWARD);
        if (replay.status() != 202) {
            throw new IllegalStateException("Replay refused: " + replay.status() + " " + replay.body());
        }
    }

    /**
     * Waits, without reading a product (a read would be kept, and answer the timed pass), until the catalog's
     * processor has read the first {@code warmUpProducts} products' events.
     */
    private void untimedPass(int port, int warmUpProducts) throws InterruptedException {
        long lastIndex = (long) warmUpProducts * HistoryLoader.EVENTS_PER_PRODUCT - 1;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (position(port) >= lastIndex) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The catalog never read the first " + warmUpProducts + " products");
    }

    private long position(int port) {
        Client.Answer answer = client.get(port, "/api/admin/projections", CommandLoad.STEWARD);
        if (answer.status() != 200) {
            return -1;
        }
        for (JsonNode processor : answer.json()) {
            if (VIEW.equals(processor.path("name").asText())) {
                return processor.path("position").asLong(-1);
            }
        }
        return -1;
    }

    private long catalogued(int port) {
        return client.get(port, "/api/products?domain=bench&size=1", QueryLoad.VIEWER)
                .json()
                .get("total")
                .asLong();
    }

    private boolean readable(int port, int product) {
        return client.get(port, "/api/products/" + HistoryLoader.productId(product), QueryLoad.VIEWER)
                        .status()
                == 200;
    }

    /** The moment the product is readable at its last version (sequence 3). */
    private long awaitReadable(int port, int product) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        String path = "/api/products/" + HistoryLoader.productId(product) + "?minVersion=3";
        while (System.nanoTime() < deadline) {
            int status = client.get(port, path, QueryLoad.VIEWER).status();
            if (status == 200) {
                return System.nanoTime();
            }
            if (status == 404) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("Product " + product + " never became readable");
    }
}
