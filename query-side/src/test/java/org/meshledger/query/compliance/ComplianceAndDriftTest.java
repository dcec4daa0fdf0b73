package org.meshledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SliObserved;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.Compatibility.Direction;
import org.meshledger.api.model.ContractChange;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;
import org.meshledger.api.model.SloChange;
import org.meshledger.platform.testing.MutableClock;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.meshledger.query.QuerySideApplication;
import org.meshledger.query.support.FindCounter;
import org.meshledger.query.support.ProductHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Compliance judged at the query's "now", breaches judged as observations arrive, and the drift they leave. */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@AutoConfigureObservability
@SpringBootTest(
        classes = {QuerySideApplication.class, ComplianceAndDriftTest.Clocks.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + QuerySideApplication.CONFIG_NAME,
            "meshledger.metrics.compliance-max-age=0s"
        })
class ComplianceAndDriftTest {

    private static final Slo FRESHNESS = new Slo(3600, 0.99, Duration.ofDays(30));

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }

        @Bean
        FindCounter complianceReads() {
            return new FindCounter("compliance_records");
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countComplianceReads(FindCounter complianceReads) {
            return settings -> settings.addCommandListener(complianceReads);
        }
    }

    private WebTestClient web;

    @LocalServerPort
    private int port;

    @org.junit.jupiter.api.BeforeEach
    void connect() {
        web = TestClients.to(port, java.time.Duration.ofSeconds(15));
    }

    @Autowired
    private EventStore eventStore;

    @Autowired
    private MutableClock clock;

    @Autowired
    private FindCounter complianceReads;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        // thousands of observations: a store of its own, so other tests' processors need not read past them
        registry.add("meshledger.store.database", () -> "compliance_test_events");
        registry.add("meshledger.store.views-database", () -> "compliance_test_views");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void given85GoodOf100_thenBreachingWithOneBreachStarted_andEnoughGoodLaterEndsIt_andOldObservationsAgeOut() {
        String domain = newDomain();
        String product = domain + ".claim-events";
        ProductHistory history = registeredWithSlo(product, domain);
        observe(history, product, 85, 15);
        publish(history);
        JsonNode judged =
                awaitCompliance(product, slo -> slo.get("observations").asLong() == 100);
        assertThat(judged.at("/slos/0/complianceRate").asDouble()).isEqualTo(0.85);
        assertThat(judged.at("/slos/0/status").asText()).isEqualTo("BREACHING");
        assertThat(judged.at("/compliant").asBoolean()).isFalse();
        assertThat(judged.at("/reasons/0").asText()).isEqualTo("SLO freshness is BREACHING (0.85 < 0.99)");
        awaitDrift(product, 2); // the contract's publication and the breach
        assertThat(kinds(product)).containsExactly("SLO_BREACH_STARTED");

        ProductHistory later = new ProductHistory(product, Instant.now()).continuing(history);
        observe(later, product, 1400, 0);
        publish(later);
        judged = awaitCompliance(product, slo -> slo.get("observations").asLong() == 1500);
        assertThat(judged.at("/slos/0/status").asText()).isEqualTo("MEETING");
        assertThat(judged.at("/compliant").asBoolean()).isTrue();
        awaitDrift(product, 3); // the contract's publication and both transitions
        assertThat(kinds(product)).containsExactly("SLO_BREACH_ENDED", "SLO_BREACH_STARTED");

        clock.skip(Duration.ofDays(31));
        JsonNode aged = compliance(product);
        assertThat(aged.at("/slos/0/status").asText()).isEqualTo("NO_DATA");
        assertThat(aged.at("/slos/0/observations").asLong()).isZero();
        assertThat(aged.at("/reasons/0").asText()).isEqualTo("SLO freshness has NO_DATA in its P30D window");
    }

    @Test
    void givenEventsHandled_thenPrometheusCountsThemPerProcessor_andShowsHowOldTheLastWasWhenTaken() {
        String domain = newDomain();
        String product = domain + ".metered";
        double before = handledByCompliance();
        ProductHistory history = registeredWithSlo(product, domain);
        observe(history, product, 3, 0);
        publish(history);
        awaitCompliance(product, slo -> slo.get("observations").asLong() == 3);
        // a view counts an event once it is stored: the count can trail the answer by one unit of work
        await(
                () -> new com.fasterxml.jackson.databind.node.DoubleNode(handledByCompliance()),
                handled -> handled.asDouble() >= before + history.events().size());
        String latency = prometheus()
                .lines()
                .filter(line -> line.startsWith("meshledger_processor_latency_milliseconds{processor=\"compliance\"}"))
                .findFirst()
                .orElseThrow();
        // a history is stamped a millisecond per event from the moment it is built, so a few ms ahead of the clock
        assertThat(Double.parseDouble(latency.substring(latency.lastIndexOf(' ') + 1)))
                .isBetween(-1_000.0, 60_000.0);
    }

    private double handledByCompliance() {
        String counted = "meshledger_processor_events_total{outcome=\"success\",processor=\"compliance\"} ";
        return prometheus()
                .lines()
                .filter(line -> line.startsWith(counted))
                .mapToDouble(line -> Double.parseDouble(line.substring(counted.length())))
                .findFirst()
                .orElse(0);
    }

    @Test
    void givenSloChanges_thenLoosenedIsAWarningAndTightenedIsInfo() {
        String domain = newDomain();
        String product = domain + ".orders";
        Slo sixHours = new Slo(21600, 0.99, Duration.ofDays(30));
        Slo lowerTarget = new Slo(21600, 0.95, Duration.ofDays(30));
        ProductHistory history = registeredWithSlo(product, domain)
                .then(new SloChanged(product, Indicator.FRESHNESS, FRESHNESS, sixHours, SloChange.LOOSENED))
                .then(new SloChanged(product, Indicator.FRESHNESS, sixHours, lowerTarget, SloChange.LOOSENED))
                .then(new SloChanged(product, Indicator.FRESHNESS, lowerTarget, FRESHNESS, SloChange.TIGHTENED));
        publish(history);
        JsonNode drift = awaitDrift(product, 4); // the contract's publication, then the three SLO changes
        assertThat(drift.at("/items/0/kind").asText()).isEqualTo("SLO_TIGHTENED");
        assertThat(drift.at("/items/0/severity").asText()).isEqualTo("INFO");
        assertThat(drift.at("/items/1/kind").asText()).isEqualTo("SLO_LOOSENED");
        assertThat(drift.at("/items/1/severity").asText()).isEqualTo("WARNING");
        assertThat(drift.at("/items/1/details/previous/target").asDouble()).isEqualTo(0.99);
        assertThat(drift.at("/items/1/details/current/target").asDouble()).isEqualTo(0.95);
        assertThat(drift.at("/items/2/summary").asText())
                .isEqualTo(
                        "SLO freshness loosened: threshold 3600, target 0.99 over P30D → threshold 21600, target 0.99 over P30D");
        assertThat(drift.at("/items/2/eventId").asText())
                .isEqualTo(history.events().get(3).getIdentifier());
        JsonNode warnings = get("/api/drift?domain=" + domain + "&severity=WARNING");
        assertThat(warnings.get("total").asInt()).isEqualTo(2);
    }

    @Test
    void givenTenProductsOfADomain_whenNineComply_then090Above_andWhenAnotherBreaches_then080Below() {
        String domain = newDomain();
        List<ProductHistory> histories = new ArrayList<>();
        for (int index = 0; index < 9; index++) {
            ProductHistory history = registeredWithSlo(domain + ".p" + index, domain);
            observe(history, domain + ".p" + index, 10, 0);
            histories.add(history);
        }
        histories.add(new ProductHistory(domain + ".no-slo", Instant.now())
                .then(new DataProductRegistered(
                        domain + ".no-slo", domain, "n", Classification.DERIVED, "t", null, null)));
        histories.forEach(this::publish);
        JsonNode rollup = awaitRollup(
                domain,
                node -> node.get("productsTotal").asInt() == 10
                        && node.get("productsCompliant").asInt() == 9);
        assertThat(rollup.get("complianceRate").asDouble()).isEqualTo(0.90);
        assertThat(rollup.get("status").asText()).isEqualTo("ABOVE_THRESHOLD");
        assertThat(texts(compliance(domain + ".no-slo").get("reasons")))
                .containsExactly("no current contract", "no SLO defined");

        ProductHistory breaching = new ProductHistory(domain + ".p0", Instant.now()).continuing(histories.get(0));
        observe(breaching, domain + ".p0", 0, 10);
        publish(breaching);
        rollup = awaitRollup(domain, node -> node.get("productsCompliant").asInt() == 8);
        assertThat(rollup.get("complianceRate").asDouble()).isEqualTo(0.80);
        assertThat(rollup.get("status").asText()).isEqualTo("BELOW_THRESHOLD");
        // the whole line: a refresh that has not seen every product yet can show 0.888…, which starts with 0.8
        String gauge = "meshledger_domain_compliance_rate{domain=\"" + domain + "\"} 0.8\n";
        await(() -> new com.fasterxml.jackson.databind.node.TextNode(prometheus()), text -> text.asText()
                .contains(gauge));
        assertThat(prometheus())
                .contains("meshledger_slo_status{domain=\"" + domain + "\",indicator=\"freshness\",product=\"" + domain
                        + ".p0\",status=\"BREACHING\"} 1.0")
                .doesNotContain("product=\"" + domain + ".p0\",status=\"MEETING\"}")
                .contains(
                        "meshledger_product_compliant{domain=\"" + domain + "\",product=\"" + domain + ".no-slo\"} 0.0")
                .contains("meshledger_mesh_compliance_rate");
        JsonNode mesh = get("/api/compliance");
        assertThat(mesh.get("threshold").asDouble()).isEqualTo(0.90);
        assertThat(mesh.findValuesAsText("domain")).contains(domain);
    }

    @Test
    void givenManyMoreObservations_whenComplianceIsAsked_thenTheQueryReadsTheSameSingleDocument() {
        String domain = newDomain();
        ProductHistory few = registeredWithSlo(domain + ".few", domain);
        observe(few, domain + ".few", 20, 0);
        ProductHistory many = registeredWithSlo(domain + ".many", domain);
        observe(many, domain + ".many", 2000, 0);
        publish(few);
        publish(many);
        awaitCompliance(domain + ".few", slo -> slo.get("observations").asLong() == 20);
        awaitCompliance(domain + ".many", slo -> slo.get("observations").asLong() == 2000);

        complianceReads.reset();
        compliance(domain + ".few");
        long readForFew = complianceReads.documents();
        complianceReads.reset();
        compliance(domain + ".many");
        long readForMany = complianceReads.documents();
        assertThat(readForFew).isEqualTo(1);
        assertThat(readForMany)
                .as("100 times the observations, the same one document")
                .isEqualTo(1);
    }

    @Test
    void givenAConsumerOnMajor1_whenABreakingMajorIsPublished_thenCriticalEntriesAndAfterTheSunsetNotCompliant() {
        String domain = newDomain();
        String product = domain + ".orders";
        Instant sunset = Instant.now().plus(Duration.ofDays(30));
        ProductHistory history = registeredWithSlo(product, domain)
                .then(new ConsumerRegistered(product, "fraud-analytics", 1))
                .then(contract(
                        product,
                        "2.0.0",
                        List.of(new BreakingChange(
                                "schema.orders.properties.customer_id",
                                "PROPERTY_REMOVED",
                                Set.of(Direction.FORWARD),
                                "customer_id",
                                null)),
                        "someone-else",
                        1,
                        sunset));
        observe(history, product, 10, 0);
        publish(history);
        JsonNode drift = awaitDrift(product, 6); // two publications, breaking, SLA, mismatch, deprecated consumer
        JsonNode breaking = entry(drift, "CONTRACT_BREAKING_CHANGE");
        assertThat(breaking.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(texts(breaking.at("/details/consumersOnOldMajor"))).containsExactly("fraud-analytics");
        assertThat(entry(drift, "SLA_LOOSENED").get("summary").asText())
                .isEqualTo("SLA availability loosened: 99.9% → 99.5%");
        assertThat(entry(drift, "OWNER_CONTRACT_MISMATCH").get("severity").asText())
                .isEqualTo("WARNING");
        ProductHistory handover = new ProductHistory(product, Instant.now())
                .continuing(history)
                .then(new OwnershipTransferred(
                        product, "team-" + domain, "someone-else", "as declared", null, Instant.now()))
                .then(new OwnershipTransferred(product, "someone-else", "another-team", "moved", null, Instant.now()));
        publish(handover);
        JsonNode mismatches = await(
                () -> get("/api/products/" + product + "/drift?kind=OWNER_CONTRACT_MISMATCH"),
                node -> node.get("total").asInt() == 2);
        assertThat(mismatches.at("/items/0/summary").asText())
                .as("a transfer away from the declared team is drift too; one to it is not")
                .isEqualTo("The contract names team someone-else, but another-team owns the product");
        assertThat(entry(drift, "CONSUMER_ON_DEPRECATED_VERSION")
                        .get("severity")
                        .asText())
                .isEqualTo("WARNING");
        assertThat(awaitCompliance(product, slo -> slo.get("observations").asLong() == 10)
                        .get("compliant")
                        .asBoolean())
                .isTrue();

        clock.skip(Duration.ofDays(31));
        JsonNode later = get("/api/products/" + product + "/drift?kind=CONSUMER_ON_DEPRECATED_VERSION");
        assertThat(later.at("/items/0/severity").asText())
                .as("past the sunset, without a new event")
                .isEqualTo("CRITICAL");
        assertThat(get("/api/products/" + product + "/drift?severity=CRITICAL")
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        JsonNode judged = compliance(product);
        assertThat(judged.get("compliant").asBoolean()).isFalse();
        assertThat(texts(judged.get("reasons")))
                .anyMatch(reason -> reason.startsWith("consumer fraud-analytics is on major 1, past its sunset"));
    }

    private static JsonNode entry(JsonNode drift, String kind) {
        for (JsonNode item : drift.get("items")) {
            if (item.get("kind").asText().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " entry in " + drift);
    }

    private ProductHistory registeredWithSlo(String product, String domain) {
        return new ProductHistory(product, Instant.now())
                .then(new DataProductRegistered(
                        product, domain, "n", Classification.DERIVED, "team-" + domain, null, null))
                .then(new SloDefined(product, Indicator.FRESHNESS, FRESHNESS))
                .then(contract(product, "1.0.0", List.of(), null, null, null));
    }

    /** A first contract changes nothing; a later one in these tests also relaxes availability 99.9% → 99.5%. */
    private static ContractVersionPublished contract(
            String product,
            String version,
            List<BreakingChange> breaking,
            String team,
            Integer deprecatedMajor,
            Instant sunsetAt) {
        List<ContractChange> changes = breaking.isEmpty()
                ? List.of()
                : List.of(new ContractChange(
                        "slaProperties.availability.value", ContractChange.Kind.UPDATED, "99.9%", "99.5%", false));
        String availability =
                breaking.isEmpty() ? "" : "slaProperties:\n  - property: availability\n    value: 99.5%\n";
        return new ContractVersionPublished(
                product,
                version,
                "v3.1.0",
                "apiVersion: v3.1.0\nkind: DataContract\nid: c\nstatus: active\nversion: " + version + "\n"
                        + availability,
                Compatibility.FULL,
                breaking.isEmpty() ? Bump.MINOR : Bump.MAJOR,
                changes,
                breaking,
                team,
                deprecatedMajor,
                sunsetAt,
                "v3.1.0");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void observe(ProductHistory history, String product, int good, int bad) {
        Instant observedAt = Instant.now();
        for (int index = 0; index < good + bad; index++) {
            boolean isGood = index < good;
            history.observed(
                    new SliObserved(product, Indicator.FRESHNESS, isGood ? 60 : 7200, observedAt, FRESHNESS, isGood));
        }
    }

    private void publish(ProductHistory history) {
        List<? extends org.axonframework.eventhandling.EventMessage<?>> events = history.events();
        for (int from = 0; from < events.size(); from += 500) {
            eventStore.publish(events.subList(from, Math.min(events.size(), from + 500)));
        }
    }

    private JsonNode awaitCompliance(String product, Predicate<JsonNode> firstSlo) {
        return await(
                () -> compliance(product),
                node -> node != null && node.at("/slos/0").isObject() && firstSlo.test(node.at("/slos/0")));
    }

    private JsonNode awaitRollup(String domain, Predicate<JsonNode> condition) {
        return await(() -> get("/api/compliance/domains/" + domain), condition);
    }

    private JsonNode awaitDrift(String product, int entries) {
        return await(
                () -> get("/api/products/" + product + "/drift"),
                node -> node.get("total").asInt() >= entries);
    }

    /** The SLO kinds on a product's timeline; its contract's publication is there too, and not what these tests ask. */
    private List<String> kinds(String product) {
        return get("/api/products/" + product + "/drift").get("items").findValuesAsText("kind").stream()
                .filter(kind -> kind.startsWith("SLO_"))
                .toList();
    }

    private String prometheus() {
        return web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode compliance(String product) {
        return get("/api/compliance/products/" + product);
    }

    private JsonNode get(String uri) {
        return web.get()
                .uri(uri)
                .header("Authorization", "Bearer dev-viewer")
                .exchange()
                .returnResult(JsonNode.class)
                .getResponseBody()
                .blockFirst(Duration.ofSeconds(10));
    }

    private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = read.get();
                if (last != null && condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // a 404 until the view has the product
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        throw new AssertionError("Not reached within 30 s; last answer: " + last);
    }

    private static String newDomain() {
        return "d" + UUID.randomUUID().toString().substring(0, 8);
    }
}
