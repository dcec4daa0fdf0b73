package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshledger.launcher.ProcessHarness.get;
import static org.meshledger.launcher.ProcessHarness.json;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshledger.embeddedstore.EmbeddedStoreMain;
import org.meshledger.query.QuerySideApplication;

/**
 * Two writer processes and a query side per engine, all on one store. Every tenth write is held for three seconds
 * between the event's creation (the ledger: its index allocation) and its insert, longer than the extension's
 * one-second look-back. The ledger's views end up with every event; the extension's engine skips some for good,
 * and the test reports how many.
 */
class LateWritesAcrossProcessesTest {

    private static final int PER_WRITER = 60;
    private static final int WRITTEN = 2 * PER_WRITER;

    @TempDir
    Path workingDirectory;

    @Test
    void givenWritesDelayedPastTheLookBack_whenTwoWritersRun_thenTheLedgerMissesNoneAndTheExtensionSkipsSome()
            throws Exception {
        int storePort = ProcessHarness.freePort();
        int ledgerPort = ProcessHarness.freePort();
        int extensionPort = ProcessHarness.freePort();
        String uri = "mongodb://127.0.0.1:" + storePort;
        try (ProcessHarness harness = new ProcessHarness(Files.createDirectories(Path.of("target", "process-logs")))) {
            harness.start("late-store", workingDirectory, EmbeddedStoreMain.class.getName(), String.valueOf(storePort));
            startQuerySide(harness, ledgerPort, uri, "ledger", "--meshledger.store.gap-timeout=1s");
            startQuerySide(harness, extensionPort, uri, "extension", "--meshledger.store.look-back=1s");
            ProcessHarness.awaitHealthy(ledgerPort, Duration.ofSeconds(90));
            ProcessHarness.awaitHealthy(extensionPort, Duration.ofSeconds(90));

            for (String engine : new String[] {"ledger", "extension"}) {
                Process first = startWriter(harness, uri, engine, "a");
                Process second = startWriter(harness, uri, engine, "b");
                assertThat(first.waitFor(5, TimeUnit.MINUTES))
                        .as("writer a ended")
                        .isTrue();
                assertThat(second.waitFor(5, TimeUnit.MINUTES))
                        .as("writer b ended")
                        .isTrue();
                assertThat(first.exitValue())
                        .as("writer a's exit status (its log is in target/process-logs)")
                        .isZero();
                assertThat(second.exitValue())
                        .as("writer b's exit status (its log is in target/process-logs)")
                        .isZero();
            }

            ProcessHarness.await(Duration.ofSeconds(30), () -> catalogued(ledgerPort) == WRITTEN);
            long extensionSeen = settledCount(extensionPort);
            long skipped = WRITTEN - extensionSeen;
            System.out.printf(
                    "Late writes: the ledger's engine projected %d of %d; the extension's engine skipped %d%n",
                    catalogued(ledgerPort), WRITTEN, skipped);
            assertThat(catalogued(ledgerPort))
                    .as("the ledger's views hold every event")
                    .isEqualTo(WRITTEN);
            try (MongoClient mongo = MongoClients.create(uri)) {
                // how a held write loses its index depends on timing: a reader gives it up (a placeholder), or the
                // other writer, whose count runs through the same indexes, stores there first. Either way the held
                // write is stored again at a fresh index; LedgerEngineContractTest pins the placeholder path down.
                System.out.printf(
                        "Late writes: %d indexes were given up to placeholders%n",
                        mongo.getDatabase("ledger_events")
                                .getCollection("events")
                                .countDocuments(Filters.eq("placeholder", true)));
            }
            assertThat(skipped)
                    .as("the extension's engine skips inserts later than its look-back")
                    .isPositive();
        }
    }

    private void startQuerySide(ProcessHarness harness, int port, String uri, String engine, String tuning) {
        harness.start(
                "late-query-" + engine,
                workingDirectory,
                QuerySideApplication.class.getName(),
                "--server.port=" + port,
                "--spring.data.mongodb.uri=" + uri,
                "--meshledger.store.engine=" + engine,
                "--meshledger.store.database=" + engine + "_events",
                "--meshledger.store.views-database=" + engine + "_views",
                tuning);
    }

    private Process startWriter(ProcessHarness harness, String uri, String engine, String name) {
        return harness.start(
                "late-writer-" + engine + "-" + name,
                workingDirectory,
                DelayedWriterMain.class.getName(),
                uri,
                engine,
                engine + "_events",
                name,
                String.valueOf(PER_WRITER),
                "10",
                "3000");
    }

    /** The count once it has stopped changing for five seconds (bounded): the extension never catches up. */
    private static long settledCount(int port) throws InterruptedException {
        long last = -1;
        Instant stableSince = Instant.now();
        Instant deadline = Instant.now().plusSeconds(40);
        while (Instant.now().isBefore(deadline)) {
            long now = catalogued(port);
            if (now != last) {
                last = now;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).toSeconds() >= 5 || now == WRITTEN) {
                return now;
            }
            Thread.sleep(250);
        }
        return last;
    }

    private static long catalogued(int port) {
        try {
            var response = get(port, "/api/products?domain=late&size=1", "dev-viewer");
            return response.statusCode() == 200 ? json(response).get("total").asLong() : -1;
        } catch (IOException notYet) {
            return -1;
        }
    }
}
