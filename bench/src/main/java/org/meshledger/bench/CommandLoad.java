package org.meshledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Commands through the full HTTP path of a command side: what integrations send. */
final class CommandLoad {

    static final String STEWARD = "dev-steward";

    private final Client client;
    private final int port;

    CommandLoad(Client client, int port) {
        this.client = client;
        this.port = port;
    }

    /**
     * Registers {@code products} products named {@code <prefix>-<n>} and transfers each three times, from
     * {@code threads} concurrent clients: events acknowledged per second.
     */
    double registerAndTransfer(String prefix, int products, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int thread = 0; thread < threads; thread++) {
            done.add(clients.submit(() -> {
                for (int product = next.getAndIncrement(); product < products; product = next.getAndIncrement()) {
                    String id = "bench." + prefix + "-" + product;
                    expect(201, register(id));
                    for (int step = 1; step <= 3; step++) {
                        expect(200, transfer(id, "team-" + (step - 1), "team-" + step));
                    }
                }
                return null;
            }));
        }
        for (Future<?> clientThread : done) {
            clientThread.get();
        }
        double rate = products * 4.0 / Baselines.seconds(start);
        clients.shutdown();
        return rate;
    }

    Client.Answer register(String id) {
        return client.post(
                port,
                "/api/products",
                """
                {"productId":"%s","domain":"bench","name":"Bench product","classification":"DERIVED",\
                "ownerTeam":"team-0"}"""
                        .formatted(id),
                STEWARD);
    }

    Client.Answer transfer(String id, String from, String to) {
        return client.post(
                port,
                "/api/products/" + id + "/ownership-transfers",
                """
                {"fromTeam":"%s","toTeam":"%s","reason":"reorganisation"}""".formatted(from, to),
                STEWARD);
    }

    /**
     * Command latency on {@code big}, a product whose {@code longHistory} events are already stored (ending with
     * team-{@code (longHistory - 1) % 2} as owner), against one registered here with a short history, measured
     * alternately so both see the same noise: p50 on the long ÷ p50 on the short.
     */
    double flatness(String big, int longHistory, int samples) {
        String small = "bench.flat-small";
        expect(201, register(small));
        grow(small, 9);
        List<Long> smallNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> bigNanos = Collections.synchronizedList(new ArrayList<>());
        int[] owners = {owner(9), owner(longHistory - 1)};
        for (int sample = 0; sample < samples; sample++) {
            smallNanos.add(step(small, owners, 0));
            bigNanos.add(step(big, owners, 1));
        }
        System.out.printf(
                "  command p50: %.2f ms on %d events, %.2f ms on 10 events%n",
                Percentiles.millis(bigNanos, 50), longHistory, Percentiles.millis(smallNanos, 50));
        return Percentiles.millis(bigNanos, 50) / Percentiles.millis(smallNanos, 50);
    }

    /** After {@code transfers} transfers starting at team-0 the owner is team-(transfers % 2). */
    private static int owner(int transfers) {
        return transfers % 2;
    }

    private void grow(String id, int transfers) {
        for (int step = 0; step < transfers; step++) {
            expect(200, transfer(id, "team-" + (step % 2), "team-" + ((step + 1) % 2)));
        }
    }

    private long step(String id, int[] owners, int which) {
        int from = owners[which];
        Client.Answer answer = transfer(id, "team-" + from, "team-" + (1 - from));
        expect(200, answer);
        owners[which] = 1 - from;
        return answer.nanos();
    }

    static void expect(int status, Client.Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException(
                    "Expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
    }
}
