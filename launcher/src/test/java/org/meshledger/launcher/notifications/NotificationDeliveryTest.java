package org.meshledger.launcher.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.meshledger.launcher.MeshLedgerApplication;
import org.meshledger.launcher.notifications.WebhookReceiver.Received;
import org.meshledger.platform.testing.ConsoleSessions;
import org.meshledger.platform.testing.JsonCalls;
import org.meshledger.platform.testing.MutableClock;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Notifications as a subscriber receives them: real receivers on 127.0.0.1 check each signature themselves, and the
 * ledger's delivery log says what happened. The clock only moves forward here, so one test's skip to a sunset never
 * sends another's retries into the future.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = {MeshLedgerApplication.class, NotificationDeliveryTest.Clocks.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME,
            "meshledger.notifications.allow-http=true",
            "meshledger.notifications.allowed-private-targets=127.0.0.1",
            "meshledger.notifications.deadline-check=100ms",
            "meshledger.notifications.delivery.poll=100ms",
            // a receiver down for 30 s is still being retried when it comes back
            "meshledger.notifications.delivery.retry-schedule=1s,1s,2s,2s,4s,4s,8s,8s,8s"
        })
class NotificationDeliveryTest {

    private static final Path CHANGELOG = Path.of("..", "..", "shared", "peer-fixtures", "datacontract-cli-changelog");

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    private WebTestClient web;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "notifications_events");
        registry.add("meshledger.store.views-database", () -> "notifications_views");
    }

    @BeforeEach
    void client() {
        web = TestClients.to(port, Duration.ofSeconds(20));
    }

    @Test
    void givenAConsumerOfMajor1_whenMajor2IsPublished_thenToldWithin2s_andRemindedOfTheSunsetOnceEach()
            throws IOException {
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            String product = product();
            publish(product, Files.readString(CHANGELOG.resolve("changelog_integration_v1.yaml")));
            String consumer = "fraud-" + suffix();
            call(
                    HttpMethod.POST,
                    "/api/products/" + product + "/consumers",
                    """
                    {"consumerTeam":"%s","contractMajor":1}""".formatted(consumer),
                    201);
            subscribe(receiver, consumer, "{\"consumedBy\":\"%s\"}".formatted(consumer));

            Instant published = Instant.now();
            publish(product, Files.readString(CHANGELOG.resolve("changelog_integration_v2.yaml")));
            Received told = awaitOne(receiver, "org.meshledger.contract.breaking-change");
            assertThat(Duration.between(published, told.at())).isLessThan(Duration.ofSeconds(2));

            JsonNode event = told.event();
            assertThat(told.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(receiver.signedBySecret(told))
                    .as("signed with the subscription's secret")
                    .isTrue();
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("id").asText()).isEqualTo(told.id());
            assertThat(event.path("subject").asText()).isEqualTo(product);
            assertThat(event.path("time").asText()).isNotEmpty();
            assertThat(event.path("source").asText()).isNotEmpty();
            JsonNode data = event.path("data");
            assertThat(data.path("product").path("id").asText()).isEqualTo(product);
            assertThat(data.path("product").path("ownerTeam").asText()).isEqualTo("orders-core");
            assertThat(data.path("actor").asText()).isEqualTo("steward@example.org");
            assertThat(data.path("newMajor").asInt()).isEqualTo(2);
            assertThat(data.path("deprecatedMajor").asInt()).isEqualTo(1);
            assertThat(data.path("breakingChanges")).hasSize(3);
            Instant sunset = Instant.parse(data.path("sunsetAt").asText());

            clock.skip(Duration.between(
                    clock.instant(), sunset.minus(Duration.ofDays(7)).plusSeconds(60)));
            Received weekBefore = awaitOne(receiver, "org.meshledger.consumer.sunset-approaching");
            assertThat(weekBefore.event().path("data").path("daysLeft").asInt()).isEqualTo(7);
            assertThat(weekBefore.event().path("data").path("contractMajor").asInt())
                    .isEqualTo(1);

            clock.skip(Duration.between(
                    clock.instant(), sunset.minus(Duration.ofDays(1)).plusSeconds(60)));
            await(
                    "the day-before reminder",
                    () -> receiver.received(of("org.meshledger.consumer.sunset-approaching"))
                                    .size()
                            == 2);
            clock.skip(Duration.between(clock.instant(), sunset.plusSeconds(60)));
            awaitOne(receiver, "org.meshledger.consumer.past-sunset");

            pause(Duration.ofSeconds(1));
            List<Received> all = receiver.received();
            assertThat(all).hasSize(4).allMatch(receiver::signedBySecret);
            assertThat(WebhookReceiver.ids(all)).doesNotHaveDuplicates();
            assertThat(all.get(2).event().path("data").path("daysLeft").asInt()).isEqualTo(1);
        }
    }

    @Test
    void givenAReceiverAnswering500Then200_whenNotified_thenDeliveredOnTheRetry_withBothAttemptsLogged() {
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            receiver.thenAnswer(500, Duration.ZERO);
            String product = product();
            String subscription = subscribe(receiver, "audit-" + suffix(), "{\"product\":\"%s\"}".formatted(product));
            deprecate(product);

            JsonNode entry = awaitLog(subscription, "DELIVERED");
            assertThat(entry.path("type").asText()).isEqualTo("org.meshledger.product.deprecated");
            assertThat(entry.path("subject").asText()).isEqualTo(product);
            assertThat(entry.path("attempts")).hasSize(2);
            assertThat(entry.at("/attempts/0/statusCode").asInt()).isEqualTo(500);
            assertThat(entry.at("/attempts/0/error").asText()).contains("500");
            assertThat(entry.at("/attempts/1/statusCode").asInt()).isEqualTo(200);
            assertThat(entry.at("/attempts/1/error").isNull()).isTrue();
            assertThat(receiver.received()).hasSize(2);
            assertThat(WebhookReceiver.ids(receiver.received()))
                    .containsOnly(entry.path("deliveryId").asText());

            WebClient console = WebClient.create("http://127.0.0.1:" + port);
            String page = ConsoleSessions.page(
                    console, ConsoleSessions.signIn(console, "dev-steward"), "/ui/products/" + product);
            assertThat(page).contains("Notifications to subscribers").contains(subscription);
            assertThat(page.indexOf("DELIVERED"))
                    .as("newest first: the delivery, then the failed attempt")
                    .isPositive()
                    .isLessThan(page.indexOf("RETRYING"));
            assertThat(page).contains("500 in").contains("200 in");
        }
    }

    @Test
    void givenAReceiverTakingLongerThanTheTimeout_whenNotified_thenTheAttemptTimesOutAndTheRetryDelivers() {
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            receiver.thenAnswer(200, Duration.ofSeconds(15));
            String product = product();
            String subscription = subscribe(receiver, "slow-" + suffix(), "{\"product\":\"%s\"}".formatted(product));
            deprecate(product);

            JsonNode entry = awaitLog(subscription, "DELIVERED");
            assertThat(entry.path("attempts")).hasSize(2);
            assertThat(entry.at("/attempts/0/statusCode").isNull()).isTrue();
            assertThat(entry.at("/attempts/0/error").asText()).isEqualTo("No answer within 10 s");
            assertThat(entry.at("/attempts/1/statusCode").asInt()).isEqualTo(200);
        }
    }

    @Test
    void givenAReceiverDownFor30s_whenItComesBack_thenEveryNotificationArrives_inOrderPerProduct() {
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            String domain = "d" + suffix();
            String subscription = subscribe(receiver, "mesh-" + suffix(), "{\"domain\":\"%s\"}".formatted(domain));
            receiver.stop();
            List<String> products = List.of(product(domain), product(domain));
            for (int transfer = 0; transfer < 5; transfer++) {
                for (String product : products) {
                    String from = transfer == 0 ? "orders-core" : "team-" + (transfer - 1);
                    call(
                            HttpMethod.POST,
                            "/api/products/" + product + "/ownership-transfers",
                            """
                            {"fromTeam":"%s","toTeam":"team-%d","reason":"reorganisation %d"}"""
                                    .formatted(from, transfer, transfer),
                            200);
                }
            }
            pause(Duration.ofSeconds(30));
            assertThat(receiver.received()).isEmpty();
            receiver.start();

            await("all ten notifications", () -> distinctIds(receiver) == 10);
            for (String product : products) {
                List<String> owners = receiver
                        .received(request -> request.body().contains(product))
                        .stream()
                        .map(request ->
                                request.event().path("data").path("toTeam").asText())
                        .distinct()
                        .toList();
                assertThat(owners).containsExactly("team-0", "team-1", "team-2", "team-3", "team-4");
            }
            assertThat(log(subscription, "DELIVERED").path("total").asInt()).isEqualTo(10);
            assertThat(log(subscription, "PENDING").path("total").asInt()).isZero();
        }
    }

    @Test
    void givenDeliveredNotifications_whenReplayedSinceT_thenExactlyThoseSinceTAreSentAgain_withTheirIds() {
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            String product = product();
            String subscription = subscribe(receiver, "replay-" + suffix(), "{\"product\":\"%s\"}".formatted(product));
            for (int transfer = 0; transfer < 4; transfer++) {
                String from = transfer == 0 ? "orders-core" : "team-" + (transfer - 1);
                call(
                        HttpMethod.POST,
                        "/api/products/" + product + "/ownership-transfers",
                        """
                        {"fromTeam":"%s","toTeam":"team-%d","reason":"handover"}"""
                                .formatted(from, transfer),
                        200);
            }
            await(
                    "four deliveries",
                    () -> log(subscription, "DELIVERED").path("total").asInt() == 4);
            JsonNode newestFirst = log(subscription, "DELIVERED").path("items");
            Instant since = Instant.parse(newestFirst.get(1).path("eventTime").asText());
            List<String> sinceT = List.of(
                    newestFirst.get(1).path("deliveryId").asText(),
                    newestFirst.get(0).path("deliveryId").asText());

            JsonNode replay = call(
                    HttpMethod.POST,
                    "/api/subscriptions/" + subscription + "/replay",
                    "{\"since\":\"" + since + "\"}",
                    202);
            assertThat(replay.path("notifications").asInt()).isEqualTo(2);
            await("the replayed two", () -> receiver.received().size() == 6);
            pause(Duration.ofMillis(500));
            List<Received> all = receiver.received();
            assertThat(all).hasSize(6);
            assertThat(WebhookReceiver.ids(all.subList(4, 6))).containsExactlyElementsOf(sinceT);
        }
    }

    @Test
    void givenAReceiverAnswering410_thenTheSubscriptionIsDisabled_untilResumed(CapturedOutput output) {
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            receiver.thenAnswer(410, Duration.ZERO);
            String product = product();
            String team = "gone-" + suffix();
            JsonNode created = subscribeAnswer(receiver, team, "{\"product\":\"%s\"}".formatted(product));
            String subscription = created.path("subscriptionId").asText();
            deprecate(product);

            JsonNode disabled = awaitGet(
                    "/api/subscriptions/" + subscription,
                    found -> found.path("status").asText().equals("DISABLED"));
            assertThat(disabled.path("disabledReason").asText()).contains("410");
            pause(Duration.ofSeconds(2));
            assertThat(receiver.received()).hasSize(1);

            call(HttpMethod.POST, "/api/subscriptions/" + subscription + "/resume", null, 200);
            JsonNode entry = awaitLog(subscription, "DELIVERED");
            assertThat(entry.path("attempts")).hasSize(2);
            assertThat(receiver.received()).hasSize(2);
            awaitGet(
                    "/api/subscriptions/" + subscription,
                    found -> found.path("status").asText().equals("ACTIVE"));

            String secret = created.path("secret").asText();
            String key = secret.substring("whsec_".length());
            assertThat(output.getAll()).as("no log line").doesNotContain(key);
            assertThat(get("/api/subscriptions/" + subscription).toString()).doesNotContain(key);
            assertThat(get("/api/subscriptions?subscriberTeam=" + team).toString())
                    .doesNotContain(key);
            assertThat(log(subscription, null).toString()).doesNotContain(key);
            assertThat(receiver.received()).noneMatch(request -> request.body().contains(key));
            assertThat(auditedEvents()).as("no event, no audit line").doesNotContain(key);
        }
    }

    @Test
    void givenAnSloThatStartsBreachingAndRecovers_thenToldOfEachOnce_inOrder() {
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            String product = product();
            call(
                    HttpMethod.PUT,
                    "/api/products/" + product + "/slos/freshness",
                    """
                    {"threshold":3600,"target":0.99,"window":"P30D"}""",
                    200);
            String subscription = subscribeTo(
                    receiver,
                    "sre-" + suffix(),
                    "{\"product\":\"%s\"}".formatted(product),
                    "[\"org.meshledger.slo.breaching\",\"org.meshledger.slo.recovered\"]");
            StringBuilder observations = new StringBuilder("[");
            Instant observedAt = Instant.now().minusSeconds(300);
            for (int observation = 0; observation <= 200; observation++) {
                int staleness = observation == 0 ? 7200 : 60;
                observations
                        .append(observation == 0 ? "" : ",")
                        .append("{\"indicator\":\"freshness\",\"value\":%d,\"observedAt\":\"%s\"}"
                                .formatted(staleness, observedAt.plusMillis(observation)));
            }
            call(HttpMethod.POST, "/api/products/" + product + "/sli-observations", observations + "]", 202);

            await("the breach and the recovery", () -> receiver.received().size() >= 2);
            pause(Duration.ofSeconds(1));
            List<Received> told = receiver.received();
            assertThat(told)
                    .extracting(request -> request.event().path("type").asText())
                    .containsExactly("org.meshledger.slo.breaching", "org.meshledger.slo.recovered");
            assertThat(told.get(0).event().at("/data/indicator").asText()).isEqualTo("freshness");
            assertThat(told.get(0).event().at("/data/complianceRate").asDouble())
                    .isZero();
            assertThat(told.get(1).event().at("/data/complianceRate").asDouble())
                    .isGreaterThanOrEqualTo(0.99);
            assertThat(told.get(0).event().at("/data/actor").asText()).isEqualTo("meshledger");
            assertThat(log(subscription, "DELIVERED").path("total").asInt()).isEqualTo(2);
        }
    }

    private String subscribe(WebhookReceiver receiver, String team, String scope) {
        return subscribeAnswer(receiver, team, scope).path("subscriptionId").asText();
    }

    private String subscribeTo(WebhookReceiver receiver, String team, String scope, String kinds) {
        return subscribeAnswer(receiver, team, scope, kinds)
                .path("subscriptionId")
                .asText();
    }

    private JsonNode subscribeAnswer(WebhookReceiver receiver, String team, String scope) {
        return subscribeAnswer(receiver, team, scope, "[]");
    }

    private JsonNode subscribeAnswer(WebhookReceiver receiver, String team, String scope, String kinds) {
        JsonNode created = call(
                HttpMethod.POST,
                "/api/subscriptions",
                """
                {"subscriberTeam":"%s","url":"%s","kinds":%s,"scope":%s}"""
                        .formatted(team, receiver.url(), kinds, scope),
                201);
        receiver.signedWith(created.path("secret").asText());
        String id = created.path("subscriptionId").asText();
        // sending starts once the subscription can be read; so that the first notification is not kept waiting
        awaitGet(
                "/api/subscriptions/" + id,
                found -> found.path("status").asText().equals("ACTIVE"));
        return created;
    }

    private String product() {
        return product("orders");
    }

    private String product(String domain) {
        String product = domain + ".n-" + suffix();
        call(
                HttpMethod.POST,
                "/api/products",
                """
                {"productId":"%s","domain":"%s","name":"Orders","classification":"AUTHORITATIVE","ownerTeam":"orders-core"}"""
                        .formatted(product, domain),
                201);
        return product;
    }

    private void publish(String product, String yaml) {
        web.post()
                .uri("/api/products/" + product + "/contract-versions")
                .header("Authorization", "Bearer dev-steward")
                .contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(yaml)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private void deprecate(String product) {
        call(
                HttpMethod.POST,
                "/api/products/" + product + "/deprecation",
                "{\"reason\":\"replaced by orders v2\"}",
                200);
    }

    private static Predicate<Received> of(String type) {
        return request -> request.event().path("type").asText().equals(type);
    }

    private Received awaitOne(WebhookReceiver receiver, String type) {
        await(type, () -> !receiver.received(of(type)).isEmpty());
        return receiver.received(of(type)).get(receiver.received(of(type)).size() - 1);
    }

    private static long distinctIds(WebhookReceiver receiver) {
        return WebhookReceiver.ids(receiver.received()).stream().distinct().count();
    }

    private JsonNode awaitLog(String subscription, String status) {
        await(
                status + " in the log of " + subscription,
                () -> log(subscription, status).path("total").asInt() > 0);
        return log(subscription, status).path("items").get(0);
    }

    private JsonNode log(String subscription, String status) {
        return get("/api/subscriptions/" + subscription + "/deliveries" + (status == null ? "" : "?status=" + status));
    }

    private String auditedEvents() {
        return new String(
                web.get()
                        .uri("/api/audit/verify")
                        .header("Authorization", "Bearer dev-auditor")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode awaitGet(String path, Predicate<JsonNode> done) {
        await(path, () -> done.test(get(path)));
        return get(path);
    }

    private static void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plusSeconds(45);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for %s", what).isBefore(deadline);
            pause(Duration.ofMillis(50));
        }
    }

    private JsonNode call(HttpMethod method, String path, String body, int status) {
        return new JsonCalls(web).call("dev-steward", method, path, body, status);
    }

    private JsonNode get(String path) {
        return new JsonCalls(web).get("dev-steward", path);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
