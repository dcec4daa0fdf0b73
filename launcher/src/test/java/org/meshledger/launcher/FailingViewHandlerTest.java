package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.JsonCalls;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A view's handler fails once in the middle of its work (its store read fails, as in a network blip): the view is
 * whole afterwards, because the batch is handled again rather than its event skipped.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = {MeshLedgerApplication.class, FailingViewHandlerTest.FailOnce.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME)
class FailingViewHandlerTest {

    private static final String STEWARD = "dev-steward";

    @LocalServerPort
    private int port;

    @Autowired
    private ReadFailingOnce views;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "failing_handler_events");
        registry.add("meshledger.store.views-database", () -> "failing_handler_views");
    }

    @TestConfiguration
    static class FailOnce {

        @Bean
        ReadFailingOnce mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
            return new ReadFailingOnce(factory, converter);
        }
    }

    /** The views' store, whose next read of ownership records by the ownership history's processor fails, once. */
    static final class ReadFailingOnce extends MongoTemplate {

        private final AtomicBoolean armed = new AtomicBoolean();

        ReadFailingOnce(MongoDatabaseFactory factory, MongoConverter converter) {
            super(factory, converter);
        }

        void failNextHistoryRead() {
            armed.set(true);
        }

        boolean failed() {
            return !armed.get();
        }

        @Override
        public MongoCollection<Document> getCollection(String collectionName) {
            if (collectionName.equals("ownership_records")
                    && Thread.currentThread().getName().contains("ownership-history")
                    && armed.compareAndSet(true, false)) {
                throw new DataAccessResourceFailureException("injected: the store did not answer");
            }
            return super.getCollection(collectionName);
        }
    }

    @Test
    void givenAViewHandlerThatFailsOnce_whenLaterEventsFollow_thenTheViewIsWhole() {
        JsonCalls calls = new JsonCalls(TestClients.to(port, Duration.ofSeconds(20)));
        String product = "claims.fails-once";
        calls.call(
                STEWARD,
                HttpMethod.POST,
                "/api/products",
                """
                {"productId":"%s","domain":"claims","name":"n","classification":"DERIVED","ownerTeam":"team-a"}"""
                        .formatted(product),
                201);
        awaitOwners(calls, product, List.of("team-a"));

        views.failNextHistoryRead();
        transfer(calls, product, "team-a", "team-b");
        ProcessHarness.await(Duration.ofSeconds(10), views::failed);
        transfer(calls, product, "team-b", "team-c");

        awaitOwners(calls, product, List.of("team-a", "team-b", "team-c"));
    }

    private static void transfer(JsonCalls calls, String product, String from, String to) {
        calls.call(
                STEWARD,
                HttpMethod.POST,
                "/api/products/" + product + "/ownership-transfers",
                """
                {"fromTeam":"%s","toTeam":"%s","reason":"handover"}""".formatted(from, to),
                200);
    }

    private static void awaitOwners(JsonCalls calls, String product, List<String> owners) {
        List<String> seen = new ArrayList<>();
        try {
            ProcessHarness.await(Duration.ofSeconds(20), () -> {
                seen.clear();
                JsonNode history;
                try {
                    history = calls.get(STEWARD, "/api/products/" + product + "/ownership-history", 200);
                } catch (AssertionError notYetProjected) {
                    return false; // 404 until the view has the product
                }
                history.path("periods")
                        .forEach(period -> seen.add(period.path("ownerTeam").asText()));
                return seen.equals(owners);
            });
        } catch (AssertionError late) {
            assertThat(seen).as("the ownership history").isEqualTo(owners);
        }
    }
}
