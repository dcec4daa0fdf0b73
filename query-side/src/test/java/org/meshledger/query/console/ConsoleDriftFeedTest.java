package org.meshledger.query.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.model.Classification;
import org.meshledger.platform.testing.ConsoleSessions;
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

/**
 * The console's live feed as the browser receives it: list items for one product only, rendered as the page renders
 * them, continuing from the cursor the page was rendered at, or from {@code Last-Event-ID} after a reconnection.
 */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + QuerySideApplication.CONFIG_NAME)
class ConsoleDriftFeedTest {

    private static final Pattern FEED = Pattern.compile("sse-connect=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Autowired
    private EventStore eventStore;

    private WebClient web;
    private String session;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
    }

    @BeforeEach
    void signInAsAViewer() {
        web = WebClient.create("http://127.0.0.1:" + port);
        session = ConsoleSessions.signIn(web, "dev-viewer");
    }

    @Test
    void givenAProductPageRendered_whenItsOwnerChangesAndAnotherProductsDoes_thenOnlyItsItemArrivesAndAResumeSkipsIt()
            throws InterruptedException {
        String domain = "d" + UUID.randomUUID().toString().substring(0, 8);
        String watchedProduct = domain + ".watched";
        String otherProduct = domain + ".other";
        ProductHistory watched = registered(watchedProduct);
        ProductHistory other = registered(otherProduct);
        awaitPage(watchedProduct);
        String stream = feedOf(watchedProduct);

        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        Disposable connection = connect(stream, null, received);
        try {
            eventStore.publish(transferred(otherProduct, other).events());
            eventStore.publish(transferred(watchedProduct, watched).events());
            ServerSentEvent<String> item = received.poll(5, TimeUnit.SECONDS);
            assertThat(item).as("the watched product's entry").isNotNull();
            assertThat(item.event()).isEqualTo("drift");
            assertThat(item.data())
                    .startsWith("<li class=\"drift-entry\" id=\"drift-" + item.id() + "\"")
                    .contains("OWNERSHIP_TRANSFERRED", "Ownership moved from team-0 to team-1", watchedProduct)
                    .doesNotContain(otherProduct);
            assertThat(received.poll(1, TimeUnit.SECONDS))
                    .as("no other product's entry")
                    .isNull();
            connection.dispose();

            BlockingQueue<ServerSentEvent<String>> resumed = new LinkedBlockingQueue<>();
            connection = connect(stream, item.id(), resumed);
            assertThat(resumed.poll(1500, TimeUnit.MILLISECONDS))
                    .as("what Last-Event-ID names is not sent again")
                    .isNull();
        } finally {
            connection.dispose();
        }
    }

    private ProductHistory registered(String product) {
        ProductHistory history = new ProductHistory(product, Instant.now())
                .then(new DataProductRegistered(
                        product,
                        product.substring(0, product.indexOf('.')),
                        "n",
                        Classification.DERIVED,
                        "team-0",
                        null,
                        null));
        eventStore.publish(history.events());
        return history;
    }

    private static ProductHistory transferred(String product, ProductHistory history) {
        return new ProductHistory(product, Instant.now())
                .continuing(history)
                .then(new OwnershipTransferred(product, "team-0", "team-1", "reorg", null, Instant.now()));
    }

    private void awaitPage(String product) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            Integer status = web.get()
                    .uri("/ui/products/" + product)
                    .cookie("SESSION", session)
                    .exchangeToMono(response -> response.releaseBody()
                            .thenReturn(response.statusCode().value()))
                    .block();
            if (status != null && status == 200) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the product page never showed " + product);
    }

    private String feedOf(String product) {
        String page = web.get()
                .uri("/ui/products/" + product)
                .cookie("SESSION", session)
                .retrieve()
                .bodyToMono(String.class)
                .block();
        Matcher feed = FEED.matcher(page);
        assertThat(feed.find()).as("the page names its live feed").isTrue();
        return feed.group(1).replace("&amp;", "&");
    }

    private Disposable connect(String stream, String lastEventId, BlockingQueue<ServerSentEvent<String>> sink) {
        return web.get()
                .uri(stream)
                .cookie("SESSION", session)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .filter(event -> event.data() != null)
                .subscribe(sink::add);
    }
}
