package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshledger.launcher.ProcessHarness.get;
import static org.meshledger.launcher.ProcessHarness.json;
import static org.meshledger.launcher.ProcessHarness.post;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshledger.command.CommandSideApplication;
import org.meshledger.embeddedstore.EmbeddedStoreMain;
import org.meshledger.platform.testing.ViewDigest;
import org.meshledger.query.QuerySideApplication;

/**
 * The production topology as separate processes over TCP: a store, a command side and a query side. The query side
 * is killed hard in the middle of a burst of writes; once restarted, its views must equal a fresh rebuild made by
 * another query side from the same events: nothing lost, nothing applied twice.
 */
class SplitProcessesTest {

    private static final int PRODUCTS = 40;

    @TempDir
    Path workingDirectory;

    @Test
    void givenSeparateProcesses_whenTheQuerySideIsKilledMidBurst_thenItsViewsEqualAFreshRebuild() throws Exception {
        int storePort = ProcessHarness.freePort();
        int commandPort = ProcessHarness.freePort();
        int queryPort = ProcessHarness.freePort();
        int rebuildPort = ProcessHarness.freePort();
        String uri = "mongodb://127.0.0.1:" + storePort;
        try (ProcessHarness harness = new ProcessHarness(Files.createDirectories(Path.of("target", "process-logs")));
                MongoClient mongo = MongoClients.create(uri)) {
            harness.start("store", workingDirectory, EmbeddedStoreMain.class.getName(), String.valueOf(storePort));
            harness.start(
                    "command-side",
                    workingDirectory,
                    CommandSideApplication.class.getName(),
                    "--server.port=" + commandPort,
                    "--spring.data.mongodb.uri=" + uri);
            Process query = startQuerySide(harness, queryPort, uri, "meshledger_views");
            ProcessHarness.awaitHealthy(commandPort, Duration.ofSeconds(90));
            ProcessHarness.awaitHealthy(queryPort, Duration.ofSeconds(90));

            assertThat(post(commandPort, "/api/products", registration(0)).statusCode())
                    .isEqualTo(201);
            assertThat(get(queryPort, "/api/products/claims.split-0?minVersion=0", "dev-viewer")
                            .statusCode())
                    .as("a write becomes visible on the query side in another process")
                    .isEqualTo(200);

            AtomicInteger acknowledged = new AtomicInteger(1);
            for (int index = 1; index < PRODUCTS; index++) {
                if (index == PRODUCTS / 2) {
                    ProcessHarness.killHard(query);
                }
                assertThat(post(commandPort, "/api/products", registration(index))
                                .statusCode())
                        .isEqualTo(201);
                assertThat(post(
                                        commandPort,
                                        "/api/products/claims.split-" + index + "/ownership-transfers",
                                        """
                        {"fromTeam":"claims-core","toTeam":"team-%d","reason":"handover"}"""
                                                .formatted(index % 3))
                                .statusCode())
                        .isEqualTo(200);
                acknowledged.incrementAndGet();
            }
            startQuerySide(harness, queryPort, uri, "meshledger_views");
            startQuerySide(harness, rebuildPort, uri, "rebuilt_views");
            ProcessHarness.awaitHealthy(queryPort, Duration.ofSeconds(90));
            ProcessHarness.awaitHealthy(rebuildPort, Duration.ofSeconds(90));

            ProcessHarness.await(
                    Duration.ofSeconds(90),
                    () -> caughtUp(queryPort, acknowledged.get()) && caughtUp(rebuildPort, acknowledged.get()));
            // every view, not only the catalog, must settle: wait (bounded) until both databases agree
            ProcessHarness.await(Duration.ofSeconds(60), () -> ViewDigest.perView(mongo.getDatabase("meshledger_views"))
                    .equals(ViewDigest.perView(mongo.getDatabase("rebuilt_views"))));
            assertThat(ViewDigest.documents(mongo.getDatabase("meshledger_views")))
                    .as("per product a summary, an ownership record, a contract index, a compliance record and two"
                            + " drift states; the four teams; a drift entry per transfer")
                    .isEqualTo(6L * PRODUCTS + 4 + (PRODUCTS - 1));
            assertThat(ViewDigest.perView(mongo.getDatabase("meshledger_views")))
                    .as("views after kill -9 and restart equal a fresh rebuild")
                    .isEqualTo(ViewDigest.perView(mongo.getDatabase("rebuilt_views")));
        }
    }

    /** Every product's summary has applied its last event. */
    private static boolean caughtUp(int port, int products) {
        try {
            for (int index = products - 1; index >= 0; index--) {
                long expected = index == 0 ? 0 : 1;
                var response = get(port, "/api/products/claims.split-" + index, "dev-viewer");
                if (response.statusCode() != 200
                        || json(response).get("version").asLong() != expected) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    private Process startQuerySide(ProcessHarness harness, int port, String uri, String viewsDatabase) {
        return harness.start(
                "query-side-" + viewsDatabase,
                workingDirectory,
                QuerySideApplication.class.getName(),
                "--server.port=" + port,
                "--spring.data.mongodb.uri=" + uri,
                "--meshledger.store.views-database=" + viewsDatabase);
    }

    private static String registration(int index) {
        return """
                {"productId":"claims.split-%d","domain":"claims","name":"Split %d","classification":"DERIVED",
                 "ownerTeam":"claims-core"}"""
                .formatted(index, index);
    }
}
