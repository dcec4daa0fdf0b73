package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshledger.launcher.ProcessHarness.get;
import static org.meshledger.launcher.ProcessHarness.json;
import static org.meshledger.launcher.ProcessHarness.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meshledger.command.CommandSideApplication;
import org.meshledger.embeddedstore.EmbeddedStoreMain;
import org.meshledger.launcher.notifications.WebhookReceiver;
import org.meshledger.launcher.notifications.WebhookReceiver.Received;
import org.meshledger.query.QuerySideApplication;

/**
 * The process that sends notifications is killed (kill -9) in the middle of 200 of them and started again: every one
 * arrives, each product's in order, and only what was in flight at the kill arrives twice.
 */
class NotificationsAcrossAKilledSenderTest {

    private static final int PRODUCTS = 20;
    private static final int TRANSFERS = 10;
    private static final int MOST_IN_FLIGHT = 8;

    @TempDir
    Path workingDirectory;

    @Test
    void givenABurstOf200_whenTheSenderIsKilledMidBurstAndRestarted_thenAllArrive_duplicatingOnlyWhatWasInFlight()
            throws Exception {
        int storePort = ProcessHarness.freePort();
        int commandPort = ProcessHarness.freePort();
        int queryPort = ProcessHarness.freePort();
        String uri = "mongodb://127.0.0.1:" + storePort;
        try (ProcessHarness harness = new ProcessHarness(Files.createDirectories(Path.of("target", "process-logs")));
                WebhookReceiver receiver = WebhookReceiver.started()) {
            receiver.answerEachAfter(Duration.ofMillis(40));
            harness.start("store", workingDirectory, EmbeddedStoreMain.class.getName(), String.valueOf(storePort));
            harness.start(
                    "command-side",
                    workingDirectory,
                    CommandSideApplication.class.getName(),
                    "--server.port=" + commandPort,
                    "--spring.data.mongodb.uri=" + uri,
                    "--meshledger.notifications.allow-http=true",
                    "--meshledger.notifications.allowed-private-targets=127.0.0.1");
            Process sender = startQuerySide(harness, queryPort, uri);
            ProcessHarness.awaitHealthy(commandPort, Duration.ofSeconds(90));
            ProcessHarness.awaitHealthy(queryPort, Duration.ofSeconds(90));

            var created = json(post(
                    commandPort,
                    "/api/subscriptions",
                    """
                    {"subscriberTeam":"claims-watch","url":"%s","kinds":[],"scope":{"domain":"claims"}}"""
                            .formatted(receiver.url())));
            receiver.signedWith(created.path("secret").asText());
            String subscription = created.path("subscriptionId").asText();
            ProcessHarness.await(Duration.ofSeconds(30), () -> visible(queryPort, subscription));
            for (int product = 0; product < PRODUCTS; product++) {
                assertThat(post(
                                        commandPort,
                                        "/api/products",
                                        """
                                {"productId":"claims.k-%d","domain":"claims","name":"K %d","classification":"DERIVED",
                                 "ownerTeam":"team-0"}"""
                                                .formatted(product, product))
                                .statusCode())
                        .isEqualTo(201);
            }

            boolean killed = false;
            for (int transfer = 1; transfer <= TRANSFERS; transfer++) {
                for (int product = 0; product < PRODUCTS; product++) {
                    assertThat(post(
                                            commandPort,
                                            "/api/products/claims.k-" + product + "/ownership-transfers",
                                            """
                                    {"fromTeam":"team-%d","toTeam":"team-%d","reason":"rotation"}"""
                                                    .formatted(transfer - 1, transfer))
                                    .statusCode())
                            .isEqualTo(200);
                }
                if (!killed && transfer == TRANSFERS / 2) {
                    ProcessHarness.await(
                            Duration.ofSeconds(30), () -> receiver.received().size() >= 40);
                    ProcessHarness.killHard(sender);
                    killed = true;
                }
            }
            int beforeRestart = receiver.received().size();
            assertThat(beforeRestart).as("the kill came mid-burst").isLessThan(PRODUCTS * TRANSFERS);
            startQuerySide(harness, queryPort, uri);

            ProcessHarness.await(Duration.ofSeconds(120), () -> distinct(receiver) == PRODUCTS * TRANSFERS);
            List<Received> all = receiver.received();
            assertThat(all).allMatch(receiver::signedBySecret);
            assertThat(all.size() - PRODUCTS * TRANSFERS)
                    .as("only what was in flight at the kill arrives twice")
                    .isLessThanOrEqualTo(MOST_IN_FLIGHT);
            Map<String, List<Integer>> ownersByProduct = new HashMap<>();
            for (Received request : all) {
                var data = request.event().path("data");
                int owner = Integer.parseInt(data.path("toTeam").asText().substring("team-".length()));
                List<Integer> owners = ownersByProduct.computeIfAbsent(
                        data.path("product").path("id").asText(), product -> new java.util.ArrayList<>());
                if (owners.isEmpty() || owners.get(owners.size() - 1) != owner) {
                    owners.add(owner);
                }
            }
            assertThat(ownersByProduct).hasSize(PRODUCTS);
            ownersByProduct.forEach((product, owners) -> assertThat(owners)
                    .as("%s's notifications in order", product)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        }
    }

    private static long distinct(WebhookReceiver receiver) {
        return WebhookReceiver.ids(receiver.received()).stream().distinct().count();
    }

    private static boolean visible(int port, String subscription) {
        try {
            return get(port, "/api/subscriptions/" + subscription, "dev-steward")
                            .statusCode()
                    == 200;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    private Process startQuerySide(ProcessHarness harness, int port, String uri) {
        return harness.start(
                "query-side-notifications",
                workingDirectory,
                QuerySideApplication.class.getName(),
                "--server.port=" + port,
                "--spring.data.mongodb.uri=" + uri,
                "--meshledger.notifications.allow-http=true",
                "--meshledger.notifications.allowed-private-targets=127.0.0.1",
                "--meshledger.notifications.delivery.timeout=2s",
                "--meshledger.notifications.delivery.lease=3s",
                "--meshledger.notifications.delivery.retry-schedule=1s,1s,1s,1s,1s");
    }
}
