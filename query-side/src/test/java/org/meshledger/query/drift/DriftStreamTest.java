package org.meshledger.query.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.model.Classification;
import org.meshledger.platform.testing.TestStore;
import org.meshledger.query.QuerySideApplication;
import org.meshledger.query.support.ProductHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/** The live timeline: an entry reaches a connected client within seconds, and a reconnect misses nothing. */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
class DriftStreamTest {

    @LocalServerPort
    private int port;

    @Autowired
    private EventStore eventStore;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
    }

    @Test
    void
            givenAConnectedClient_whenAProductIsTransferred_thenTheEntryArrivesWithin2Seconds_andAReconnectGetsWhatItMissed()
                    throws InterruptedException {
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8);
        String product = domain + ".events";
        ProductHistory history = new ProductHistory(product, Instant.now())
                .then(new DataProductRegistered(product, domain, "n", Classification.DERIVED, "team-0", null, null));
        eventStore.publish(history.events());

        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        Disposable first = connect(domain, null, received);
        Thread.sleep(1000);
        ProductHistory transfer = new ProductHistory(product, Instant.now())
                .continuing(history)
                .then(new OwnershipTransferred(product, "team-0", "team-1", "reorg", null, Instant.now()));
        Instant written = Instant.now();
        eventStore.publish(transfer.events());

        ServerSentEvent<String> live = received.poll(2, TimeUnit.SECONDS);
        assertThat(live).as("entry received within 2 s of the write").isNotNull();
        assertThat(Duration.between(written, Instant.now())).isLessThan(Duration.ofSeconds(2));
        assertThat(live.event()).isEqualTo("OWNERSHIP_TRANSFERRED");
        assertThat(live.data()).contains("\"toTeam\":\"team-1\"").doesNotContain("entryKey");
        first.dispose();

        ProductHistory missed = new ProductHistory(product, Instant.now()).continuing(transfer);
        for (int team = 2; team <= 4; team++) {
            missed.then(new OwnershipTransferred(
                    product, "team-" + (team - 1), "team-" + team, "reorg", null, Instant.now()));
        }
        eventStore.publish(missed.events());
        Thread.sleep(1500);

        BlockingQueue<ServerSentEvent<String>> resumed = new LinkedBlockingQueue<>();
        Disposable second = connect(domain, live.id(), resumed);
        try {
            List<String> toTeams = new java.util.ArrayList<>();
            for (int index = 0; index < 3; index++) {
                ServerSentEvent<String> entry = resumed.poll(5, TimeUnit.SECONDS);
                assertThat(entry).as("missed entry %d", index).isNotNull();
                assertThat(Long.parseLong(entry.id())).isGreaterThan(Long.parseLong(live.id()));
                toTeams.add(entry.data().replaceAll(".*\"toTeam\":\"([a-z0-9-]+)\".*", "$1"));
            }
            assertThat(toTeams).containsExactly("team-2", "team-3", "team-4");
            assertThat(resumed.poll(1, TimeUnit.SECONDS))
                    .as("each missed entry once")
                    .isNull();
        } finally {
            second.dispose();
        }
    }

    private Disposable connect(String domain, String lastEventId, BlockingQueue<ServerSentEvent<String>> sink) {
        WebClient.RequestHeadersSpec<?> request = WebClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/api/drift/stream?domain=" + domain)
                .header("Authorization", "Bearer dev-viewer")
                .accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .filter(event -> event.data() != null)
                .subscribe(sink::add);
    }
}
