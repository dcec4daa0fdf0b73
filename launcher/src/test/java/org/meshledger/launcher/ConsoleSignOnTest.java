package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestClients;
import org.meshledger.platform.testing.TestStore;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console with a JWT issuer configured: a person signs in at a real OpenID provider, started here on loopback,
 * by the authorization code flow with PKCE, is known by the provider's claims, never holds a token in the page, and
 * signs out here and at the provider.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME,
            "meshledger.console.oidc.client-id=" + ConsoleSignOnTest.CLIENT,
            "meshledger.console.oidc.client-secret=console-secret"
        })
class ConsoleSignOnTest {

    static final String CLIENT = "meshledger-console";
    private static final String ISSUER_ID = "meshledger";
    private static final MockOAuth2Server provider = new MockOAuth2Server();
    private static ConsoleBrowser browser;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void storeAndProvider(DynamicPropertyRegistry registry) throws UnknownHostException {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "sign_on_events");
        registry.add("meshledger.store.views-database", () -> "sign_on_views");
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        registry.add("meshledger.security.jwt.issuer", () -> provider.issuerUrl(ISSUER_ID)
                .toString());
        // the console signs in with ID tokens, whose audience is its client id; bearer callers must name this one
        registry.add("meshledger.security.jwt.audiences", () -> "meshledger");
    }

    @BeforeAll
    static void startTheBrowser(@LocalServerPort int port) {
        browser = new ConsoleBrowser(port);
    }

    @AfterAll
    static void stopBrowserAndProvider() {
        browser.close();
        provider.shutdown();
    }

    @Test
    void givenAnAuditorAtTheProvider_whenSigningInAndOut_thenKnownByTheirClaimsWithNoTokenInThePage() {
        browser.open("/ui/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/sign-in");
        assertThat(browser.all("input[name=identity]"))
                .as("no development identity is offered")
                .isEmpty();
        browser.screenshot("sign-in-single-sign-on");
        // queued only now: a test failing before it signs in leaves no claims behind for the next one
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                "auditor-7",
                "JWT",
                List.of(CLIENT),
                Map.of("email", "auditor@example.org", "roles", List.of("AUDITOR")),
                3600));
        browser.driver().findElement(By.id("single-sign-on")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Mesh overview"));

        assertThat(browser.text(".who")).contains("auditor@example.org", "AUDITOR");
        assertThat(browser.all(".bar nav a")).extracting(link -> link.getText()).contains("Audit");
        assertThat(browser.driver().getPageSource())
                .as("no token reaches the page")
                .doesNotContain("eyJ");
        Cookie session = browser.driver().manage().getCookieNamed("SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        TestClients.to(port, Duration.ofSeconds(10))
                .get()
                .uri("/api/products")
                .cookie("SESSION", session.getValue())
                .exchange()
                .expectStatus()
                .isUnauthorized();

        List<String> asked = requestsToTheProvider();
        assertThat(asked)
                .filteredOn(request -> request.contains("/authorize"))
                .singleElement()
                .satisfies(authorize -> assertThat(authorize)
                        .contains("client_id=" + CLIENT, "code_challenge=", "code_challenge_method=S256"));
        assertThat(asked)
                .filteredOn(request -> request.contains("/token"))
                .singleElement()
                .satisfies(token -> assertThat(token).contains("code_verifier="));

        browser.driver().findElement(By.cssSelector(".who button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.urlContains("/ui/sign-in?signedOut"));
        assertThat(browser.text("main")).as(browser.driver().getCurrentUrl()).contains("You are signed out.");
        assertThat(requestsToTheProvider())
                .anySatisfy(request -> assertThat(request).contains("/endsession", "post_logout_redirect_uri="));
        browser.open("/ui/audit");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/ui/sign-in");
    }

    @Test
    void givenAViewerAtTheProvider_whenSignedIn_thenNoAuditLinkAndTheAuditPageIsA403() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/ui/sign-in");
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                "viewer-3",
                "JWT",
                List.of(CLIENT),
                Map.of("email", "viewer@example.org", "roles", "VIEWER"),
                3600));
        browser.driver().findElement(By.id("single-sign-on")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Mesh overview"));

        assertThat(browser.text(".who")).contains("viewer@example.org", "VIEWER");
        assertThat(browser.all(".bar nav a")).extracting(link -> link.getText()).containsExactly("Mesh");
        browser.open("/ui/audit");
        assertThat(browser.text("h1")).isEqualTo("403 Forbidden");
        requestsToTheProvider();
    }

    /** Each request the provider has had since last asked, as its request line and, for a form, its body. */
    private static List<String> requestsToTheProvider() {
        List<String> requests = new ArrayList<>();
        while (true) {
            RecordedRequest request;
            try {
                request = provider.takeRequest(200, TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                // the provider says "no request within the timeout" by throwing
                return requests;
            }
            requests.add(request.getRequestLine() + " " + request.getBody().readUtf8());
        }
    }
}
