package org.meshledger.faults;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's own record of every command it sent, by idempotency key: acknowledged (a 2xx), or landed on a retry
 * (its first answer was lost, and the retry found it already applied). What the ledger holds is checked against it.
 */
final class ClientLog {

    enum Outcome {
        ACKNOWLEDGED,
        LANDED_ON_RETRY
    }

    record Command(String key, String productId, Outcome outcome, int attempts) {}

    private final Map<String, Command> commands = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hung = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();

    void settled(Command command) {
        commands.put(command.key(), command);
    }

    /** An answer no retry can change, for a command that should have been accepted: the scenario fails on it. */
    void refused(String key, int status, String body) {
        refusals.add(key + " answered " + status + ": " + body);
    }

    void stopped(int writer, int step, int share) {
        refusals.add("writer " + writer + " stopped at its command " + (step + 1) + " of " + share);
    }

    void hung() {
        hung.incrementAndGet();
    }

    void unavailable() {
        unavailable.incrementAndGet();
    }

    List<Command> commands() {
        return List.copyOf(commands.values());
    }

    long acknowledged() {
        return commands.values().stream()
                .filter(command -> command.outcome() == Outcome.ACKNOWLEDGED)
                .count();
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    int hungRequests() {
        return hung.get();
    }

    int unavailableAnswers() {
        return unavailable.get();
    }
}
