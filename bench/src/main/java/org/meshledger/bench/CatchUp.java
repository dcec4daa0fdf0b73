package org.meshledger.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A query side started on a store that already holds a history, with only the product catalog tracking (the other
 * views subscribe to live events only, so they read nothing), timed as it catches up. Progress is read where a user
 * sees it: a product becomes readable at its last version.
 */
final class CatchUp {

    private static final List<String> OTHER_VIEWS =
            List.of("ownership-history", "contract-versions", "compliance", "drift-timeline");

    private final ServiceProcesses services;
    private final Client client;
    private final String uri;

    CatchUp(ServiceProcesses services, Client client, String uri) {
        this.services = services;
        this.client = client;
        this.uri = uri;
    }

    record Result(double eventsPerSecond, long lost) {}

    /** Catches a catalog up on {@code database} (the ledger) or {@code database_ext} (the extension). */
    Result run(String database, String engine, int products) throws Exception {
        return run(database, engine, products, 1.0);
    }

    /**
     * Times the catch-up from an early checkpoint (a tenth of the products, a fiftieth in a partial window) to
     * {@code upTo} of them (1.0: all, then checks every
     * product was catalogued). A partial window keeps the slow peer within the run's time budget; the store still
     * holds every event, which is what its reads pay for.
     */
    Result run(String database, String engine, int products, double upTo) throws Exception {
        int port = ServiceProcesses.freePort();
        boolean extension = "extension".equals(engine);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.data.mongodb.uri=" + uri,
                "--meshledger.store.engine=" + engine,
                "--meshledger.store.database=" + (extension ? database + "_ext" : database),
                "--meshledger.store.views-database=" + database + "_views_" + engine,
                "--meshledger.store.fetch-delay=20ms",
                "--meshledger.store.look-back=100ms"));
        for (String view : OTHER_VIEWS) {
            args.add("--axon.eventhandling.processors." + view + ".mode=subscribing");
            args.add("--axon.eventhandling.processors." + view + ".source=eventStore");
        }
        long started = System.nanoTime();
        Process process = services.startService(
                "catchup-" + database + "-" + engine, "org.meshledger.query.QuerySideApplication", args);
        try {
            services.awaitHealthy(port, Duration.ofMinutes(2));
            int step = Math.max(1, products / (upTo < 1 ? 50 : 10));
            int checkpoint = step;
            int window = (int) Math.round(products * upTo);
            while (checkpoint < window - step / 2 && readable(port, checkpoint)) {
                checkpoint += step;
            }
            boolean early = checkpoint < window - step / 2;
            long from = early ? awaitReadable(port, checkpoint) : started;
            int first = early ? checkpoint + 1 : 0;
            int last = (int) Math.min(products - 1, Math.round(products * upTo) - 1);
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
                    "  %s catch-up on %s, products %d to %d of %d: %.0f events/s%n",
                    engine, database, first, last + 1, products, rate);
            return new Result(rate, products - catalogued);
        } finally {
            services.stop(process);
        }
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
