package org.meshledger.faults;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long the ledger took to serve again: a product of its own that is moved on through every command side in turn,
 * each move read back through every query side with {@code minVersion}, until all of them answer.
 */
final class Probe {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final LedgerCalls calls;
    private final String product;
    private final String prefix;
    private int step;

    Probe(LedgerCalls calls, String prefix) {
        this.calls = calls;
        this.prefix = prefix;
        this.product = "faults." + prefix + "-probe";
    }

    void register(int commandPort) {
        LedgerCalls.Answer registered = calls.post(
                commandPort,
                "/api/products",
                """
                {"productId":"%s","domain":"faults","name":"Recovery probe","classification":"AUTHORITATIVE",
                 "ownerTeam":"%s"}"""
                        .formatted(product, team(0)),
                prefix + "-probe-register");
        if (registered.status() != 201) {
            throw new IllegalStateException("The probe product was not registered: " + registered);
        }
    }

    /** Seconds from {@code since} until a write through each command side is read through each query side. */
    double secondsToRecover(Instant since, List<Integer> commandPorts, List<Integer> queryPorts)
            throws InterruptedException, IOException {
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        for (int commandPort : commandPorts) {
            long version = writeThrough(commandPort, giveUp);
            for (int queryPort : queryPorts) {
                readThrough(queryPort, version, giveUp);
            }
        }
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private long writeThrough(int commandPort, Instant giveUp) throws InterruptedException, IOException {
        String key = prefix + "-probe-" + step;
        String body = """
                {"fromTeam":"%s","toTeam":"%s","reason":"recovery probe"}"""
                .formatted(team(step), team(step + 1));
        while (Instant.now().isBefore(giveUp)) {
            LedgerCalls.Answer moved =
                    calls.post(commandPort, "/api/products/" + product + "/ownership-transfers", body, key);
            if (moved.status() == 200 || moved.status() == 201) {
                step++;
                return LedgerCalls.JSON.readTree(moved.body()).path("version").asLong();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("No write through port " + commandPort + " within " + GIVE_UP_AFTER);
    }

    private void readThrough(int queryPort, long version, Instant giveUp) throws InterruptedException {
        while (Instant.now().isBefore(giveUp)) {
            if (calls.get(queryPort, "/api/products/" + product + "?minVersion=" + version)
                            .status()
                    == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Version " + version + " not read through port " + queryPort);
    }

    private String team(int at) {
        return prefix + "-probe-t" + at;
    }
}
