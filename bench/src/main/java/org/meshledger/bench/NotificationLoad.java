package org.meshledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notifications as a subscriber's endpoint receives them: {@code subscriptions} subscriptions over one domain, all to
 * one healthy receiver on 127.0.0.1 that answers at once. Each ownership transfer of the domain's products is a
 * notification to every one of them.
 */
final class NotificationLoad implements AutoCloseable {

    private static final String DOMAIN = "benchnotify";
    private static final int SUBSCRIPTIONS_PER_TEAM = 10;

    private final Client client;
    private final int commandPort;
    private final int queryPort;
    private final int subscriptions;
    private final HttpServer receiver;
    private final ExecutorService receiving = Executors.newFixedThreadPool(32);
    /** When each write was acknowledged, by "product|new owner". */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong lastReceived = new AtomicLong();
    /** The first product's owner is team-N: its transfers time the latency, one after another. */
    private int firstProductOwner;

    NotificationLoad(Client client, int commandPort, int queryPort, int subscriptions) throws IOException {
        this.client = client;
        this.commandPort = commandPort;
        this.queryPort = queryPort;
        this.subscriptions = subscriptions;
        this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(receiving);
        receiver.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            JsonNode event = Client.JSON.readTree(exchange.getRequestBody());
            Long written = acknowledged.get(event.path("subject").asText() + "|"
                    + event.at("/data/toTeam").asText());
            if (written != null) {
                latencies.add(arrived - written);
            }
            received.incrementAndGet();
            lastReceived.accumulateAndGet(arrived, Math::max);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** The subscriptions and {@code products} products of the domain, each owned by team-0. */
    void prepare(int products) throws InterruptedException {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        int teams = (subscriptions + SUBSCRIPTIONS_PER_TEAM - 1) / SUBSCRIPTIONS_PER_TEAM;
        for (int subscription = 0; subscription < subscriptions; subscription++) {
            CommandLoad.expect(
                    201,
                    client.post(
                            commandPort,
                            "/api/subscriptions",
                            """
                            {"subscriberTeam":"bench-notify-%d","url":"%s","kinds":[],"scope":{"domain":"%s"}}"""
                                    .formatted(subscription % teams, url, DOMAIN),
                            CommandLoad.STEWARD));
        }
        for (int product = 0; product < products; product++) {
            CommandLoad.expect(
                    201,
                    client.post(
                            commandPort,
                            "/api/products",
                            """
                            {"productId":"%s","domain":"%s","name":"Notified","classification":"DERIVED",\
                            "ownerTeam":"team-0"}"""
                                    .formatted(product(product), DOMAIN),
                            CommandLoad.STEWARD));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int team = 0; team < teams; team++) {
            while (client.get(queryPort, "/api/subscriptions?subscriberTeam=bench-notify-" + team, CommandLoad.STEWARD)
                            .json()
                            .path("total")
                            .asInt()
                    < Math.min(SUBSCRIPTIONS_PER_TEAM, subscriptions - team * SUBSCRIPTIONS_PER_TEAM)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The subscriptions did not reach the query side within a minute");
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * Event stored to notification received, for each of {@code writes} transfers of one product made one at a time
     * (each waits until every subscription has its notification): the samples, in nanoseconds.
     */
    List<Long> latencies(int writes) throws InterruptedException {
        latencies.clear();
        String product = product(0);
        for (int write = 1; write <= writes; write++) {
            int before = received.get();
            int from = firstProductOwner++;
            String owner = "team-" + firstProductOwner;
            CommandLoad.expect(
                    200,
                    client.post(
                            commandPort,
                            "/api/products/" + product + "/ownership-transfers",
                            """
                            {"fromTeam":"team-%d","toTeam":"%s","reason":"handover"}"""
                                    .formatted(from, owner),
                            CommandLoad.STEWARD));
            acknowledged.put(product + "|" + owner, System.nanoTime());
            awaitReceived(before + subscriptions, Duration.ofSeconds(30));
        }
        return List.copyOf(latencies);
    }

    /**
     * {@code transfers} transfers of each of the products but the first, written by {@code threads} clients at once:
     * notifications received per second, from the first write to the last notification.
     */
    double deliveriesPerSecond(int products, int transfers, int threads) throws Exception {
        int before = received.get();
        AtomicInteger next = new AtomicInteger(1);
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int thread = 0; thread < threads; thread++) {
            done.add(clients.submit(() -> {
                for (int product = next.getAndIncrement(); product < products; product = next.getAndIncrement()) {
                    for (int step = 1; step <= transfers; step++) {
                        CommandLoad.expect(
                                200,
                                client.post(
                                        commandPort,
                                        "/api/products/" + product(product) + "/ownership-transfers",
                                        """
                                        {"fromTeam":"team-%d","toTeam":"team-%d","reason":"burst"}"""
                                                .formatted(step - 1, step),
                                        CommandLoad.STEWARD));
                    }
                }
                return null;
            }));
        }
        for (Future<?> clientThread : done) {
            clientThread.get();
        }
        clients.shutdown();
        int expected = (products - 1) * transfers * subscriptions;
        awaitReceived(before + expected, Duration.ofMinutes(5));
        return expected / ((lastReceived.get() - start) / 1e9);
    }

    int received() {
        return received.get();
    }

    private void awaitReceived(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (received.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "%d of %d notifications received within %s".formatted(received.get(), count, limit));
            }
            Thread.sleep(2);
        }
    }

    private static String product(int index) {
        return DOMAIN + ".p-" + index;
    }

    @Override
    public void close() {
        receiver.stop(0);
        receiving.shutdownNow();
    }
}
