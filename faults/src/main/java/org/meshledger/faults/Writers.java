package org.meshledger.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.meshledger.faults.ClientLog.Command;
import org.meshledger.faults.ClientLog.Outcome;

/**
 * Writers that each own one product and move it from team to team, a transfer at a time, sending each command to the
 * next command side in turn. A command that gets no answer, a 5xx or "still in flight" is sent again with the same
 * {@code Idempotency-Key} to the next replica until {@link #RETRY_FOR} has passed. Only this writer moves its product,
 * so a retry refused with {@code NOT_CURRENT_OWNER} means an earlier attempt landed: its answer was lost.
 */
final class Writers {

    static final Duration RETRY_FOR = Duration.ofMinutes(2);
    private static final Duration BACK_OFF = Duration.ofMillis(250);

    private final LedgerCalls calls;
    private final List<Integer> commandPorts;
    private final ClientLog log;
    private final String prefix;
    private final int writers;
    private final AtomicInteger turn = new AtomicInteger();

    Writers(LedgerCalls calls, List<Integer> commandPorts, ClientLog log, String prefix, int writers) {
        this.calls = calls;
        this.commandPorts = commandPorts;
        this.log = log;
        this.prefix = prefix;
        this.writers = writers;
    }

    List<String> products() {
        List<String> products = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            products.add(product(writer));
        }
        return products;
    }

    void registerProducts() {
        for (int writer = 0; writer < writers; writer++) {
            String body =
                    """
                    {"productId":"%s","domain":"faults","name":"Fault scenario product","classification":"AUTHORITATIVE",
                     "ownerTeam":"%s"}"""
                            .formatted(product(writer), team(writer, 0));
            send("/api/products", body, prefix + "-register-" + writer, product(writer), false);
        }
    }

    /**
     * Sends {@code commands} transfers in all, and calls {@code fault} once when {@code faultAfter} of them are
     * settled. Returns once every command is settled or has been given up on.
     */
    void write(int commands, int faultAfter, Runnable fault) throws Exception {
        AtomicInteger settled = new AtomicInteger();
        AtomicBoolean faulted = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int owner = writer;
                int share = commands / writers + (writer < commands % writers ? 1 : 0);
                running.add(pool.submit(() -> {
                    // a refused transfer leaves the product with another owner than the next one names: the writer
                    // stops
                    for (int step = 0; step < share; step++) {
                        String body =
                                """
                                {"fromTeam":"%s","toTeam":"%s","reason":"fault scenario"}"""
                                        .formatted(team(owner, step), team(owner, step + 1));
                        boolean landed = send(
                                "/api/products/" + product(owner) + "/ownership-transfers",
                                body,
                                prefix + "-" + owner + "-" + step,
                                product(owner),
                                true);
                        if (!landed) {
                            log.stopped(owner, step, share);
                            break;
                        }
                        if (settled.incrementAndGet() >= faultAfter && faulted.compareAndSet(false, true)) {
                            pool.submit(fault);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Whether the command landed; a refusal or giving up is in the log. */
    private boolean send(String path, String body, String key, String productId, boolean transfer) {
        Instant giveUp = Instant.now().plus(RETRY_FOR);
        int attempts = 0;
        while (Instant.now().isBefore(giveUp)) {
            attempts++;
            int port = commandPorts.get(Math.floorMod(turn.getAndIncrement(), commandPorts.size()));
            LedgerCalls.Answer answer = calls.post(port, path, body, key);
            if (answer.status() >= 200 && answer.status() < 300) {
                log.settled(new Command(key, productId, Outcome.ACKNOWLEDGED, attempts));
                return true;
            }
            if (transfer && attempts > 1 && "NOT_CURRENT_OWNER".equals(answer.code())) {
                log.settled(new Command(key, productId, Outcome.LANDED_ON_RETRY, attempts));
                return true;
            }
            if (answer.timedOut()) {
                log.hung();
            }
            if (answer.status() == 503) {
                log.unavailable();
            }
            if (answer.answered() && answer.status() < 500 && !"IDEMPOTENCY_KEY_IN_FLIGHT".equals(answer.code())) {
                log.refused(key, answer.status(), answer.body());
                return false;
            }
            pause();
        }
        log.refused(key, -1, "no command side accepted it within " + RETRY_FOR);
        return false;
    }

    private String product(int writer) {
        return "faults." + prefix + "-" + writer;
    }

    private String team(int writer, int step) {
        return prefix + "-w" + writer + "-t" + step;
    }

    private static void pause() {
        try {
            Thread.sleep(BACK_OFF.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
