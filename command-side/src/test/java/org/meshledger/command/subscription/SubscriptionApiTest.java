package org.meshledger.command.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.SubscriptionCreated;
import org.meshledger.command.CommandSideWebTest;
import org.meshledger.platform.notifications.SubscriptionSecrets;
import org.springframework.beans.factory.annotation.Autowired;

class SubscriptionApiTest extends CommandSideWebTest {

    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    @Autowired
    private EventStore eventStore;

    @Autowired
    private SubscriptionSecrets secrets;

    @Autowired
    private ObjectMapper json;

    private final String team = "subscriber-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void givenASteward_whenSubscribing_thenCreatedWithASecretShownOnceAndNamedByKeyIdInTheEvent() throws Exception {
        JsonNode created = create(
                        STEWARD,
                        subscription(
                                team,
                                RECEIVER,
                                "[\"org.meshledger.contract.breaking-change\"]",
                                "{\"consumedBy\":\"" + team + "\"}"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/subscriptions/" + team + ":[0-9a-f]{12}")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        String secret = created.path("secret").asText();
        String keyId = created.path("keyId").asText();
        assertThat(secret).startsWith(SubscriptionSecrets.PREFIX);
        assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.path("scope").path("consumedBy").asText()).isEqualTo(team);
        assertThat(created.path("kinds")).hasSize(1);
        assertThat(secrets.key(keyId))
                .as("the stored secret signs as the shown one")
                .hasValueSatisfying(key -> assertThat(
                                SubscriptionSecrets.PREFIX + Base64.getEncoder().encodeToString(key))
                        .isEqualTo(secret));

        List<DomainEventMessage<?>> events = events(team);
        assertThat(events).hasSize(1);
        SubscriptionCreated event = (SubscriptionCreated) events.get(0).getPayload();
        assertThat(event.keyId()).isEqualTo(keyId);
        assertThat(json.writeValueAsString(event) + events.get(0).getMetaData())
                .as("the event holds no secret")
                .doesNotContain(secret)
                .doesNotContain(secret.substring(SubscriptionSecrets.PREFIX.length()));
    }

    @Test
    void givenTargetsInsideTheNetworkOrUnknownKinds_whenSubscribing_thenRefusedByRuleAndNothingRecorded() {
        String meshScope = "{\"mesh\":true}";
        expectRefused(
                subscription(team, "http://169.254.169.254/", "[]", meshScope), 422, "target-address-not-allowed");
        expectRefused(subscription(team, "http://10.0.0.1/", "[]", meshScope), 422, "target-address-not-allowed");
        expectRefused(subscription(team, "ftp://x/", "[]", meshScope), 422, "target-scheme-not-allowed");
        expectRefused(
                        subscription(team, RECEIVER, "[\"org.meshledger.contract.nonsense\"]", meshScope),
                        422,
                        "notification-kind-unknown")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("org.meshledger.contract.nonsense"));
        expectRefused(subscription(team, RECEIVER, "[]", "{\"mesh\":true,\"domain\":\"claims\"}"), 400, "");
        expectRefused(subscription(team, RECEIVER, "[]", "{}"), 400, "");
        expectRefused(subscription(team, "not a url", "[]", meshScope), 400, "");

        assertThat(events(team))
                .as("nothing recorded of a refused subscription")
                .isEmpty();
    }

    @Test
    void givenAHundredSubscriptions_whenTheTeamAsksForOneMore_thenRefusedAndAfterADeleteAllowed() {
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < TeamSubscriptions.MOST_PER_TEAM; index++) {
            ids.add(create(STEWARD, subscription(team, RECEIVER, "[]", "{\"mesh\":true}"))
                    .expectStatus()
                    .isCreated()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody()
                    .path("subscriptionId")
                    .asText());
        }
        expectRefused(subscription(team, RECEIVER, "[]", "{\"mesh\":true}"), 422, "subscription-limit-reached");
        assertThat(events(team)).hasSize(TeamSubscriptions.MOST_PER_TEAM);

        send("DELETE", "/api/subscriptions/" + ids.get(0), STEWARD, null)
                .expectStatus()
                .isOk();
        create(STEWARD, subscription(team, RECEIVER, "[]", "{\"mesh\":true}"))
                .expectStatus()
                .isCreated();
    }

    @Test
    void givenASubscription_whenPausedResumedRotatedAndDeleted_thenEachOnceAndThenGone() {
        String id = newSubscription();
        String path = "/api/subscriptions/" + id;

        send("POST", path + "/pause", STEWARD, null).expectStatus().isOk();
        send("POST", path + "/pause", STEWARD, null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SUBSCRIPTION_ALREADY_PAUSED");
        send("POST", path + "/resume", STEWARD, null).expectStatus().isOk();
        send("POST", path + "/resume", STEWARD, null).expectStatus().isEqualTo(409);

        JsonNode rotated = send("POST", path + "/secret-rotation", STEWARD, null)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(rotated.path("secret").asText()).startsWith(SubscriptionSecrets.PREFIX);
        Instant overlapEnds =
                Instant.parse(rotated.path("previousSecretValidUntil").asText());
        assertThat(Duration.between(Instant.now(), overlapEnds)).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        send("DELETE", path, STEWARD, null).expectStatus().isOk();
        send("POST", path + "/pause", STEWARD, null)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SUBSCRIPTION_NOT_FOUND");
        send("POST", "/api/subscriptions/nobody-here:0123456789ab/pause", STEWARD, null)
                .expectStatus()
                .isNotFound();
        send("POST", "/api/subscriptions/not-an-id/pause", STEWARD, null)
                .expectStatus()
                .isBadRequest();
        assertThat(events(team)).hasSize(5);
    }

    @Test
    void givenAnIntegration_whenSubscribingForATeamNotRegistered_thenRefusedAndARegisteredOneAllowed() {
        expectRefused(
                INTEGRATION,
                subscription(team, RECEIVER, "[]", "{\"mesh\":true}"),
                422,
                "subscriber-team-not-registered");
        send("POST", "/api/teams", STEWARD, "{\"team\":\"%s\",\"domain\":\"claims\"}".formatted(team))
                .expectStatus()
                .isCreated();
        create(INTEGRATION, subscription(team, RECEIVER, "[]", "{\"domain\":\"claims\"}"))
                .expectStatus()
                .isCreated();
        send("POST", "/api/subscriptions", VIEWER, subscription(team, RECEIVER, "[]", "{\"mesh\":true}"))
                .expectStatus()
                .isForbidden();
    }

    private String newSubscription() {
        return create(STEWARD, subscription(team, RECEIVER, "[]", "{\"product\":\"claims.claim-events\"}"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("subscriptionId")
                .asText();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec create(String token, String body) {
        return send("POST", "/api/subscriptions", token, body);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec expectRefused(
            String body, int status, String slug) {
        return expectRefused(STEWARD, body, status, slug);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec expectRefused(
            String token, String body, int status, String slug) {
        org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec answer = create(token, body)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody();
        if (!slug.isEmpty()) {
            answer.jsonPath("$.type").isEqualTo("urn:meshledger:problem:" + slug);
        }
        return answer;
    }

    private static String subscription(String team, String url, String kinds, String scope) {
        return """
                {"subscriberTeam":"%s","url":"%s","kinds":%s,"scope":%s}"""
                .formatted(team, url, kinds, scope);
    }

    private List<DomainEventMessage<?>> events(String team) {
        List<DomainEventMessage<?>> found = new ArrayList<>();
        eventStore.readEvents(TeamSubscriptions.idOf(team), 0).forEachRemaining(found::add);
        return found;
    }
}
