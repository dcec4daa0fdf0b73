package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshledger.launcher.ProcessHarness.get;
import static org.meshledger.launcher.ProcessHarness.json;
import static org.meshledger.launcher.ProcessHarness.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path: the all-in-one process on its embedded store, a product transferred twice, its history read
 * back bitemporally, and all of it still there after a restart, whether the process was stopped or killed.
 */
class AllInOneLauncherTest {

    private static final String PRODUCT = "claims.claim-events";
    private static final String HISTORY = "/api/products/" + PRODUCT + "/ownership-history";

    @TempDir
    Path workingDirectory;

    @Test
    void givenTheLauncher_whenAProductIsTransferredTwiceAndTheProcessRestarts_thenItsHistoryIsIntact()
            throws Exception {
        int port = ProcessHarness.freePort();
        try (ProcessHarness harness = new ProcessHarness(logs())) {
            Process first = startLauncher(harness, port);
            Duration startup = ProcessHarness.awaitHealthy(port, Duration.ofSeconds(90));
            System.out.printf("All-in-one launcher healthy after %d ms%n", startup.toMillis());

            assertThat(post(
                                    port,
                                    "/api/products",
                                    """
                    {"productId":"%s","domain":"claims","name":"Claim events","classification":"AUTHORITATIVE",
                     "ownerTeam":"claims-core","effectiveAt":"2026-01-01T00:00:00Z"}"""
                                            .formatted(PRODUCT))
                            .statusCode())
                    .isEqualTo(201);
            assertThat(post(
                                    port,
                                    "/api/products/" + PRODUCT + "/ownership-transfers",
                                    """
                    {"fromTeam":"claims-core","toTeam":"claims-platform","reason":"reorg",
                     "effectiveAt":"2026-03-01T00:00:00Z"}""")
                            .statusCode())
                    .isEqualTo(200);
            String secondTransferRecordedBefore = json(get(port, HISTORY + "?minVersion=1", "dev-auditor"))
                    .at("/periods/1/recordedAt")
                    .asText();
            assertThat(post(
                                    port,
                                    "/api/products/" + PRODUCT + "/ownership-transfers",
                                    """
                    {"fromTeam":"claims-platform","toTeam":"billing-core","reason":"moved to billing",
                     "effectiveAt":"2026-06-01T00:00:00Z"}""")
                            .statusCode())
                    .isEqualTo(200);

            assertHistory(port, secondTransferRecordedBefore);
            ProcessHarness.stopGracefully(first);

            startLauncher(harness, port);
            ProcessHarness.awaitHealthy(port, Duration.ofSeconds(90));
            assertHistory(port, secondTransferRecordedBefore);
        }
    }

    @Test
    void givenAcknowledgedWrites_whenTheProcessIsKilledHard_thenNoneIsLost() throws Exception {
        int port = ProcessHarness.freePort();
        int writes = 60;
        try (ProcessHarness harness = new ProcessHarness(logs())) {
            Process first = startLauncher(harness, port);
            ProcessHarness.awaitHealthy(port, Duration.ofSeconds(90));
            for (int index = 0; index < writes; index++) {
                assertThat(post(
                                        port,
                                        "/api/products",
                                        """
                        {"productId":"claims.burst-%d","domain":"claims","name":"n","classification":"DERIVED",
                         "ownerTeam":"claims-core"}"""
                                                .formatted(index))
                                .statusCode())
                        .isEqualTo(201);
            }
            ProcessHarness.killHard(first);

            startLauncher(harness, port);
            ProcessHarness.awaitHealthy(port, Duration.ofSeconds(90));
            for (int index = 0; index < writes; index++) {
                assertThat(get(port, "/api/audit/products/claims.burst-" + index + "/events", "dev-auditor")
                                .statusCode())
                        .as("acknowledged registration %d survives kill -9", index)
                        .isEqualTo(200);
            }
            ProcessHarness.await(Duration.ofSeconds(30), () -> catalogTotal(port) == writes);
        }
    }

    @Test
    void givenAMongoDbUri_whenTheLauncherStarts_thenItStartsNoEmbeddedStore() throws Exception {
        int storePort = ProcessHarness.freePort();
        int port = ProcessHarness.freePort();
        try (ProcessHarness harness = new ProcessHarness(logs())) {
            harness.start(
                    "store-for-launcher",
                    workingDirectory.resolve("store"),
                    org.meshledger.embeddedstore.EmbeddedStoreMain.class.getName(),
                    String.valueOf(storePort));
            harness.start(
                    "launcher-with-uri",
                    workingDirectory,
                    MeshLedgerApplication.class.getName(),
                    "--server.port=" + port,
                    "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + storePort);
            ProcessHarness.awaitHealthy(port, Duration.ofSeconds(90));
            assertThat(post(
                                    port,
                                    "/api/products",
                                    """
                    {"productId":"claims.remote","domain":"claims","name":"n","classification":"DERIVED",
                     "ownerTeam":"claims-core"}""")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(workingDirectory.resolve("data")).doesNotExist();
            try (var client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + storePort)) {
                assertThat(client.getDatabase("meshledger")
                                .getCollection("events")
                                .countDocuments())
                        .isEqualTo(1);
            }
        }
    }

    private static long catalogTotal(int port) {
        try {
            return json(get(port, "/api/products?domain=claims&size=1", "dev-viewer"))
                    .get("total")
                    .asLong();
        } catch (java.io.IOException notYet) {
            return -1;
        }
    }

    private static void assertHistory(int port, String knownBeforeSecondTransfer) throws Exception {
        JsonNode february = json(get(port, HISTORY + "?minVersion=2&asOf=2026-02-01T00:00:00Z", "dev-auditor"));
        assertThat(february.at("/ownerAsOf").asText()).isEqualTo("claims-core");
        assertThat(february.at("/periods").size()).isEqualTo(3);
        assertThat(json(get(port, HISTORY + "?asOf=2026-04-01T00:00:00Z", "dev-auditor"))
                        .at("/ownerAsOf")
                        .asText())
                .isEqualTo("claims-platform");
        assertThat(json(get(port, HISTORY + "?asOf=2026-07-01T00:00:00Z", "dev-auditor"))
                        .at("/ownerAsOf")
                        .asText())
                .isEqualTo("billing-core");
        JsonNode knownEarlier = json(
                get(port, HISTORY + "?asOf=2026-07-01T00:00:00Z&knownAt=" + knownBeforeSecondTransfer, "dev-auditor"));
        assertThat(knownEarlier.at("/periods").size()).isEqualTo(2);
        assertThat(knownEarlier.at("/ownerAsOf").asText()).isEqualTo("claims-platform");
    }

    private Process startLauncher(ProcessHarness harness, int port) {
        return harness.start(
                "launcher", workingDirectory, MeshLedgerApplication.class.getName(), "--server.port=" + port);
    }

    private Path logs() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "process-logs"));
    }
}
