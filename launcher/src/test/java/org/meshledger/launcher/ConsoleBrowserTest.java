package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.model.Classification;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console in a real browser: what a person signed in with a role sees, reads and may open. */
// a closed context stops its processors, which would otherwise poll the store through every later test class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME)
class ConsoleBrowserTest {

    private static final String HOSTILE_NAME = "<script>alert(1)</script>";
    private static final String HOSTILE_REASON = "\"><img src=x onerror=alert(1)>";
    private static ConsoleBrowser browser;

    @LocalServerPort
    private int port;

    @Autowired
    private EventStore eventStore;

    private String product;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "console_events");
        registry.add("meshledger.store.views-database", () -> "console_views");
    }

    @BeforeAll
    static void startTheBrowser(@LocalServerPort int port) {
        browser = new ConsoleBrowser(port);
    }

    @AfterAll
    static void closeTheBrowser() {
        browser.close();
    }

    /**
     * A product owned by claims-core since January, transferred to fraud effective 1 March, the transfer recorded
     * on 10 April: it is stored as the command side stores it, at those recording times.
     */
    @BeforeEach
    void aProductWithABackDatedTransfer() {
        product = "claims.events-" + UUID.randomUUID().toString().substring(0, 8);
        Instant january = Instant.parse("2026-01-02T09:00:00Z");
        eventStore.publish(
                recorded(
                        0,
                        new DataProductRegistered(
                                product,
                                "claims",
                                HOSTILE_NAME,
                                Classification.AUTHORITATIVE,
                                "claims-core",
                                null,
                                Instant.parse("2026-01-01T00:00:00Z"),
                                null),
                        january),
                recorded(
                        1,
                        new OwnershipTransferred(
                                product,
                                "claims-core",
                                "fraud",
                                HOSTILE_REASON,
                                "steward@example.org",
                                Instant.parse("2026-03-01T00:00:00Z"),
                                null),
                        Instant.parse("2026-04-10T09:00:00Z")));
        awaitOwner("fraud");
    }

    @Test
    void givenAnAuditor_whenWalkingFromTheMeshToTheTimeline_thenKnownAtDecidesWhoOwnedIt() {
        browser.signInAs("AUDITOR");
        assertThat(browser.text("h1")).isEqualTo("Mesh overview");
        assertThat(browser.text(".who")).contains("auditor@example.org");
        browser.screenshot("mesh-overview");

        browser.press(By.cssSelector("#domains a[href='/ui/domains/claims']"));
        assertThat(browser.text("h1")).isEqualTo("Domain claims");
        browser.press(By.linkText(product));
        assertThat(browser.text(".facts")).contains("fraud", "claims", "AUTHORITATIVE");
        browser.screenshot("product");
        browser.press(By.linkText("Ownership timeline"));

        browser.fill("asOf", "2026-03-15");
        browser.fill("knownAt", "2026-04-01");
        browser.press(By.cssSelector(".controls button"));
        assertThat(browser.text("#owner-as-of")).isEqualTo("claims-core");
        assertThat(browser.text("main table tbody")).doesNotContain("fraud");
        assertThat(browser.driver().getCurrentUrl()).contains("asOf=2026-03-15", "knownAt=2026-04-01");

        browser.fill("knownAt", "2026-04-11");
        browser.press(By.cssSelector(".controls button"));
        assertThat(browser.text("#owner-as-of")).isEqualTo("fraud");
        assertThat(browser.all("main table tbody tr")).hasSize(2);
        browser.screenshot("ownership-timeline");

        browser.fill("asOf", "the fifteenth");
        browser.press(By.cssSelector(".controls button"));
        assertThat(browser.text("#asOf-problem")).contains("2026-03-15");
    }

    @Test
    void givenTheProductPageOpen_whenAnSloIsLoosenedThroughTheApi_thenTheFeedShowsItWithinTwoSecondsWithoutAReload() {
        putSlo("0.99");
        browser.signInAs("VIEWER");
        browser.open("/ui/products/" + product);
        browser.awaitText(".feed-status", "Live", Duration.ofSeconds(10));
        WebElement page = browser.driver().findElement(By.tagName("html"));

        putSlo("0.95");
        Instant answered = Instant.now();
        browser.awaitText("#drift-feed", "SLO_LOOSENED", Duration.ofSeconds(2));

        assertThat(Duration.between(answered, Instant.now())).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(page.isDisplayed()).as("the same page, not a reload").isTrue();
        assertThat(browser.all("#drift-feed li").get(0).getText()).contains("SLO_LOOSENED", "WARNING");
        browser.screenshotOf(".feed", "product-live-drift");
    }

    @Test
    void givenTheNetworkCutUnderTheLiveFeed_whenItComesBack_thenThePageSaysSoAndShowsWhatWasRecordedMeanwhile()
            throws IOException {
        putSlo("0.99");
        try (CuttableProxy network = new CuttableProxy(port);
                ConsoleBrowser behindIt = new ConsoleBrowser(network.port())) {
            behindIt.signInAs("VIEWER");
            behindIt.open("/ui/products/" + product);
            behindIt.awaitText(".feed-status", "Live", Duration.ofSeconds(10));

            network.cut();
            behindIt.awaitText(".feed-status", "Live feed lost; reconnecting", Duration.ofSeconds(10));
            putSlo("0.95");
            assertThat(behindIt.text("#drift-feed")).doesNotContain("SLO_LOOSENED");

            network.restore();
            behindIt.awaitText(".feed-status", "Live feed reconnected at", Duration.ofSeconds(30));
            behindIt.awaitText("#drift-feed", "SLO_LOOSENED", Duration.ofSeconds(5));
            assertThat(behindIt.all("#drift-feed li"))
                    .as("recorded while the feed was lost, shown once it was back, once")
                    .filteredOn(entry -> entry.getText().contains("SLO_LOOSENED"))
                    .hasSize(1);
            behindIt.screenshotOf(".feed", "product-live-drift-reconnected");
        }
    }

    @Test
    void givenTheCatalog_whenFiltered_thenTheUrlHoldsEveryFilterAndABadOneIsAMessageBesideItsField() {
        browser.signInAs("VIEWER");
        browser.open("/ui/products");
        browser.fill("q", product.substring(product.indexOf('-') + 1).toUpperCase());
        browser.fill("owner", "fraud");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("status")))
                .selectByVisibleText("ACTIVE");
        browser.press(By.cssSelector(".controls button"));
        assertThat(browser.all("main table tbody tr")).hasSize(1);
        assertThat(browser.text("main table tbody")).contains(product, "fraud");
        String bookmarked = browser.driver().getCurrentUrl();
        assertThat(bookmarked).contains("owner=fraud", "status=active");

        browser.open(bookmarked.substring(bookmarked.indexOf("/ui/")));
        assertThat(browser.text("main table tbody")).contains(product);
        browser.screenshot("catalog");

        browser.fill("owner", "Not A Team!");
        browser.press(By.cssSelector(".controls button"));
        assertThat(browser.text("#owner-problem")).contains("lower-case");
        assertThat(browser.text("h1")).isEqualTo("Catalog");
    }

    @Test
    void givenThePeerPair_whenItsVersionsAreCompared_thenTheThreeBreakingChangesAreListedWithTheirRules()
            throws IOException {
        Path pair = Path.of("..", "..", "shared", "peer-fixtures", "datacontract-cli-changelog");
        String v1 = Files.readString(pair.resolve("changelog_integration_v1.yaml"));
        post("/contract-versions", "application/yaml", v1);
        post("/consumers", "application/json", "{\"consumerTeam\":\"fraud-analytics\",\"contractMajor\":1}");
        post("/contract-versions", "application/yaml", Files.readString(pair.resolve("changelog_integration_v2.yaml")));
        awaitContractVersion("2.0.0");

        browser.signInAs("AUDITOR");
        browser.open("/ui/products/" + product);
        assertThat(browser.text("#consumers-heading + ul"))
                .containsPattern("fraud-analytics on major 1: sunsets \\d{4}-");
        assertThat(browser.text(".contract-versions")).contains("1.0.0", "2.0.0", "MAJOR");
        browser.press(By.linkText("Compare any two contract versions"));

        assertThat(browser.text("#diff-summary")).contains("From 1.0.0 to 2.0.0", "3 breaking");
        assertThat(browser.all("#breaking-changes tbody tr"))
                .extracting(row -> row.findElement(By.cssSelector("th")).getText() + " "
                        + row.findElement(By.cssSelector("td")).getText())
                .containsExactlyInAnyOrder(
                        "schema.orders.properties.customer_id PROPERTY_REMOVED",
                        "schema.orders.properties.order_date TYPE_CHANGED",
                        "schema.orders.properties.total_amount OPTIONAL_TO_REQUIRED");
        assertThat(browser.text("#breaking-changes")).contains("consumers built on the old contract may fail");
        assertThat(browser.driver()
                        .findElement(By.xpath("//table[@id='change-set']//tr[th/code[text()="
                                + "'slaProperties.availability.value']]"))
                        .getText())
                .contains("Updated", "99.9%", "99.5%")
                .doesNotContain("Breaking");
        browser.screenshot("contract-diff");
        assertThat(violations()).isEmpty();

        String download = TestClients.to(port, Duration.ofSeconds(10))
                .get()
                .uri("/ui/products/" + product + "/contracts/1.0.0.yaml")
                .cookie("SESSION", browser.sessionCookie())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/yaml")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(download).isEqualTo(v1);

        browser.open("/ui/products/" + product + "/contracts?from=0.9.0&to=2.0.0");
        assertThat(browser.text("#from-problem")).contains("no contract version '0.9.0'");
    }

    @Test
    void givenObservationsOnTwoDays_whenTheProductPageIsOpened_thenItChartsEachDaysComplianceAgainstTheTarget() {
        putSlo("0.99");
        Instant now = Instant.now();
        String observations = "[%s,%s,%s]"
                .formatted(
                        observation(100, now.minus(Duration.ofHours(48))),
                        observation(7200, now.minus(Duration.ofHours(48)).plusSeconds(1)),
                        observation(100, now.minusSeconds(60)));
        TestClients.to(port, Duration.ofSeconds(10))
                .post()
                .uri("/api/products/" + product + "/sli-observations")
                .header("Authorization", "Bearer dev-integration")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(observations)
                .exchange()
                .expectStatus()
                .isAccepted();
        awaitBody("/api/compliance/products/" + product, "\"observations\":3");

        browser.signInAs("VIEWER");
        browser.open("/ui/products/" + product);

        assertThat(browser.text("#chart-freshness figcaption"))
                .contains("compliance per day over its P30D window", "target of 99.00%");
        assertThat(browser.all("#chart-freshness svg rect.missed")).hasSize(1);
        assertThat(browser.all("#chart-freshness svg rect.met")).hasSize(1);
        browser.driver().findElement(By.cssSelector("#chart-freshness summary")).click();
        assertThat(browser.all("#chart-freshness details tbody tr"))
                .extracting(WebElement::getText)
                .satisfiesExactly(older -> assertThat(older).endsWith("1 2 50.00% no"), today -> assertThat(today)
                        .endsWith("1 1 100.00% yes"));
        browser.screenshotOf(".compliance-chart", "product-compliance-chart");
    }

    @Test
    void givenATeam_whenItsPageIsOpened_thenItListsWhatItOwnedAndWhen() {
        browser.signInAs("AUDITOR");
        browser.open("/ui/products/" + product);
        browser.press(By.cssSelector(".facts a[href='/ui/teams/fraud']"));
        assertThat(browser.text("h1")).isEqualTo("Team fraud");
        assertThat(browser.text("main table tbody")).contains(product, "2026-03-01T00:00:00Z", "still owns");
        assertThat(browser.text("#owned-count")).containsPattern("^\\d+ products owned at some time; page 1 of 1$");
        browser.open("/ui/teams/claims-core");
        assertThat(browser.text("main table tbody")).contains(product, "2026-03-01T00:00:00Z");
        browser.open("/ui/teams/nobody-at-all");
        assertThat(browser.text("h1")).isEqualTo("404 Not Found");
    }

    @Test
    void givenTheMeshOwnershipPage_whenKnownAtIsBeforeTheTransferWasRecorded_thenItShowsTheOldOwner() {
        browser.signInAs("AUDITOR");
        browser.open("/ui/ownership?domain=claims&asOf=2026-03-15&knownAt=2026-04-01");
        assertThat(rowOf(product)).contains("claims-core").doesNotContain("fraud");
        browser.open("/ui/ownership?domain=claims&asOf=2026-03-15&knownAt=2026-04-11");
        assertThat(rowOf(product)).contains("fraud");
        assertThat(browser.driver()
                        .findElement(By.linkText("Download every row as CSV"))
                        .getAttribute("href"))
                .endsWith("/ui/ownership.csv?asOf=2026-03-15&knownAt=2026-04-11&domain=claims");
        browser.screenshot("mesh-ownership");
    }

    @Test
    void givenHostileTextInTheLedger_whenShown_thenItIsTextAndNothingRuns() {
        browser.signInAs("VIEWER");
        browser.open("/ui/products/" + product);
        assertThat(browser.text("h1")).isEqualTo(HOSTILE_NAME);
        browser.open("/ui/products?q=" + product);
        assertThat(browser.text("main table tbody")).contains(HOSTILE_NAME);
        assertThat(browser.all("main script")).isEmpty();
        browser.open("/ui/products/" + product + "/ownership");
        assertThat(browser.text("main table tbody")).contains(HOSTILE_REASON);
        assertThat(browser.all("main img")).as("no element injected").isEmpty();
        assertThat(browser.all("main script")).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void givenAProductWithALongPast_whenItsTimelineAndLastTransferAreOpened_thenThePagesHoldingThemAreShown() {
        GenericDomainEventMessage<?> last = null;
        Instant at = Instant.parse("2026-05-01T00:00:00Z");
        for (int transfer = 0; transfer < 103; transfer++) {
            boolean fromFraud = transfer % 2 == 0;
            last = recorded(
                    2 + transfer,
                    new OwnershipTransferred(
                            product,
                            fromFraud ? "fraud" : "claims-core",
                            fromFraud ? "claims-core" : "fraud",
                            "rotation " + transfer,
                            null,
                            at.plus(Duration.ofDays(transfer)),
                            null),
                    at.plus(Duration.ofDays(transfer)));
            eventStore.publish(last);
        }
        awaitOwner("claims-core");
        browser.signInAs("AUDITOR");
        browser.open("/ui/products/" + product + "/ownership");
        assertThat(browser.text(".pager")).as("the page holding today's owner").contains("Page 3 of 3");
        assertThat(browser.text("main table caption")).contains("101 to 105 of 105");
        assertThat(browser.all("svg rect")).as("every period on the axis").hasSize(105);
        browser.press(By.linkText("Earlier periods"));
        assertThat(browser.all("main table tbody tr")).hasSize(50);
        assertThat(browser.driver().getCurrentUrl()).endsWith("page=1");
        browser.open("/ui/products/" + product + "/ownership?asOf=2026-02-01");
        assertThat(browser.text(".pager"))
                .as("the page holding the owner on 1 February")
                .contains("Page 1 of 3");
        browser.open("/ui/products/" + product + "/ownership");
        browser.press(By.cssSelector("a[href*='event=" + last.getIdentifier() + "']"));

        browser.awaitText("#verdict", "Intact.", Duration.ofSeconds(10));
        assertThat(browser.text("#verdict")).startsWith("Intact.").contains("All 105 events");
        assertThat(browser.all("#event-" + last.getIdentifier()))
                .as("the event linked to")
                .hasSize(1);
        assertThat(browser.text("main table caption")).contains("101 to 105 of 105");
        assertThat(browser.text(".pager")).contains("Page 2 of 2");
        browser.press(By.linkText("Previous page"));
        assertThat(browser.all("main table tbody tr")).hasSize(100);
        assertThat(browser.text("main table tbody tr th")).isEqualTo("0");
    }

    @Test
    void givenAViewer_thenNoAuditLinkAndTheAuditPageIsA403() {
        browser.signInAs("VIEWER");
        assertThat(browser.all(".bar nav a")).extracting(link -> link.getText()).containsExactly("Mesh");
        browser.open("/ui/audit");
        assertThat(browser.text("h1")).isEqualTo("403 Forbidden");
        browser.screenshot("viewer-403");
        TestClients.to(port, Duration.ofSeconds(10))
                .get()
                .uri("/ui/audit")
                .exchange()
                .expectStatus()
                .isFound(); // no session: sent to sign in
        browser.open("/ui/");
        browser.press(By.cssSelector(".who button"));
        assertThat(browser.text("main [role=status]")).isEqualTo("You are signed out.");
        browser.open("/ui/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/sign-in");
    }

    @Test
    void givenAnAuditor_whenVerifyingAProductAndTheMesh_thenIntactAndItsEventsListed() {
        browser.signInAs("AUDITOR");
        browser.open("/ui/products/" + product + "/ownership");
        browser.press(By.linkText("in the audit trail"));
        browser.awaitText("#verdict", "Intact.", Duration.ofSeconds(10));
        assertThat(browser.text("#verdict")).startsWith("Intact.").contains("All 2 events");
        String pageUrl = browser.driver().getCurrentUrl();
        browser.open("/ui/audit/verdict?product=" + product);
        assertThat(browser.text("#verdict"))
                .as("followed without scripts, the verdict is in the page")
                .startsWith("Intact.");
        assertThat(browser.all("main table tbody tr")).hasSize(2);
        browser.driver().navigate().to(pageUrl);
        browser.awaitText("#verdict", "Intact.", Duration.ofSeconds(10));
        assertThat(browser.all("main table tbody tr")).hasSize(2);
        assertThat(browser.text("main table tbody")).contains("DataProductRegistered", "OwnershipTransferred");
        browser.screenshot("audit");
        browser.press(By.xpath("//button[text()='Verify every product and team']"));
        browser.awaitText("#mesh-progress", "Intact.", Duration.ofSeconds(20));
        assertThat(browser.text("#mesh-verdict")).startsWith("Intact.").contains("histories match their hashes");
        WebElement bar = browser.driver().findElement(By.cssSelector("#mesh-progress progress"));
        assertThat(bar.getAttribute("value")).as("the bar is full").isEqualTo(bar.getAttribute("max"));
        browser.screenshotOf("#mesh-verification", "audit-mesh-verified");
    }

    @Test
    void givenASteward_whenReplayingAView_thenTheAdminPageSaysItStartedAndFollowsTheViewsLive() {
        browser.signInAs("STEWARD");
        browser.open("/ui/admin");
        assertThat(browser.all("main table tbody tr")).hasSizeGreaterThanOrEqualTo(4);
        browser.press(By.cssSelector("button[aria-label='Replay product-catalog']"));
        assertThat(browser.text("[role=status]")).contains("Replay of product-catalog started");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/admin?replayed=product-catalog");
        browser.awaitText("#view-product-catalog .replay", "not replaying", Duration.ofSeconds(20));

        WebElement page = browser.driver().findElement(By.tagName("html"));
        long before = Long.parseLong(browser.text("#view-product-catalog .position"));
        putSlo("0.98");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> Long.parseLong(browser.text("#view-product-catalog .position")) > before);
        assertThat(browser.driver().findElement(By.tagName("html")))
                .as("no reload")
                .isEqualTo(page);
        browser.driver().findElement(By.id("replay-product-catalog")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().endsWith("?replayed=product-catalog"));
    }

    @Test
    void givenFormsPostedWithoutTheirCsrfToken_thenRefusedAndNothingChanges() {
        org.springframework.test.web.reactive.server.WebTestClient web = TestClients.to(port, Duration.ofSeconds(10));
        web.post()
                .uri("/ui/sign-in")
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("identity=dev-steward")
                .exchange()
                .expectStatus()
                .isForbidden();
        web.post()
                .uri("/ui/admin/projections/product-catalog/replay")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void givenAnUnknownProduct_thenA404Page() {
        browser.signInAs("VIEWER");
        browser.open("/ui/products/claims.nothing-here");
        assertThat(browser.text("h1")).isEqualTo("404 Not Found");
        browser.open("/ui/no-such-page");
        assertThat(browser.text("h1")).as("a page, not the API's JSON").isEqualTo("404 Not Found");
        assertThat(browser.text("main")).contains("Back to the mesh");
    }

    @Test
    void givenEveryScreen_whenAxeRunsInThePage_thenNoSeriousOrCriticalViolation() {
        browser.driver().manage().deleteAllCookies();
        List<String> screens = List.of(
                "/ui/sign-in",
                "/ui/",
                "/ui/products/" + product,
                "/ui/products/" + product + "/ownership?asOf=2026-03-15&knownAt=2026-04-01",
                "/ui/products/" + product + "/ownership?asOf=nonsense",
                "/ui/products?q=claims&classification=nonsense",
                "/ui/domains/claims",
                "/ui/teams/fraud",
                "/ui/ownership?domain=claims&asOf=2026-03-15",
                "/ui/audit?product=" + product,
                "/ui/audit?mesh=true",
                "/ui/admin",
                "/ui/products/claims.nothing-here");
        browser.open("/ui/sign-in");
        assertThat(violations()).as("/ui/sign-in").isEmpty();
        browser.signInAs("STEWARD");
        for (String screen : screens.subList(1, screens.size())) {
            browser.open(screen);
            assertThat(violations()).as(screen).isEmpty();
        }
    }

    private List<String> violations() {
        Results results = new AxeBuilder().analyze(browser.driver());
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(ConsoleBrowserTest::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .toList();
    }

    private String rowOf(String productId) {
        return browser.driver()
                .findElement(By.xpath("//tbody/tr[th/a[text()='" + productId + "']]"))
                .getText();
    }

    private void post(String path, String type, String body) {
        TestClients.to(port, Duration.ofSeconds(10))
                .post()
                .uri("/api/products/" + product + path)
                .header("Authorization", "Bearer dev-steward")
                .contentType(MediaType.parseMediaType(type))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private void awaitContractVersion(String version) {
        awaitBody("/api/products/" + product + "/contract-diff", "\"to\":\"" + version + "\"");
    }

    /** Waits until the API's answer at {@code path} holds {@code text}: the views have caught up with a write. */
    private void awaitBody(String path, String text) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            String body = TestClients.to(port, Duration.ofSeconds(10))
                    .get()
                    .uri(path)
                    .header("Authorization", "Bearer dev-viewer")
                    .exchange()
                    .returnResult(String.class)
                    .getResponseBody()
                    .blockFirst(Duration.ofSeconds(10));
            if (body != null && body.contains(text)) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError(path + " never answered " + text);
    }

    private static String observation(int seconds, Instant at) {
        return "{\"indicator\":\"freshness\",\"value\":%d,\"observedAt\":\"%s\"}".formatted(seconds, at);
    }

    private void putSlo(String target) {
        TestClients.to(port, Duration.ofSeconds(10))
                .put()
                .uri("/api/products/" + product + "/slos/freshness")
                .header("Authorization", "Bearer dev-steward")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"threshold\":3600,\"target\":" + target + ",\"window\":\"P30D\"}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private GenericDomainEventMessage<?> recorded(long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>(
                "DataProduct",
                product,
                sequence,
                payload,
                MetaData.from(Map.of(
                        "actor",
                        "steward@example.org",
                        "correlationId",
                        UUID.randomUUID().toString())),
                UUID.randomUUID().toString(),
                at);
    }

    private void awaitOwner(String team) {
        awaitBody("/api/products/" + product, "\"ownerTeam\":\"" + team + "\"");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
