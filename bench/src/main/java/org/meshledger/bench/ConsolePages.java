package org.meshledger.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The console as a steward uses it, page after page in one signed-in session: on a mesh of the appended products and
 * one product holding 100 contract versions and 500 ownership periods. Each page's time is the whole answer on
 * loopback, which is the server's time and little else.
 */
final class ConsolePages {

    static final int CONTRACT_VERSIONS = 100;
    static final int OWNERSHIP_PERIODS = 500;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ASSETS = Pattern.compile("(?:href|src)=\"(/ui/assets/[^\"]+\\.(?:css|js))\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int queryPort;
    private final int commandPort;

    ConsolePages(int queryPort, int commandPort) {
        this.queryPort = queryPort;
        this.commandPort = commandPort;
    }

    /** Registers {@code productId}, publishes its contract versions and transfers it back and forth. */
    void seedLargeProduct(String productId) throws IOException, InterruptedException {
        command(
                "/api/products",
                "application/json",
                """
                {"productId":"%s","domain":"bench","name":"A product with a long past","classification":"DERIVED",\
                "ownerTeam":"team-0"}"""
                        .formatted(productId),
                201);
        for (int minor = 0; minor < CONTRACT_VERSIONS; minor++) {
            command("/api/products/" + productId + "/contract-versions", "application/yaml", contract(minor), 201);
        }
        for (int transfer = 1; transfer < OWNERSHIP_PERIODS; transfer++) {
            command(
                    "/api/products/" + productId + "/ownership-transfers",
                    "application/json",
                    """
                    {"fromTeam":"team-%d","toTeam":"team-%d","reason":"rotation %d"}"""
                            .formatted((transfer - 1) % 2, transfer % 2, transfer),
                    200);
        }
    }

    /** Waits, at most a minute, until the views hold every contract version and ownership period written. */
    void awaitCaughtUp(String productId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "1." + (CONTRACT_VERSIONS - 1) + ".0";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> summary = http.send(
                    HttpRequest.newBuilder(uri(queryPort, "/api/products/" + productId))
                            .header("Authorization", "Bearer dev-viewer")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> history = http.send(
                    HttpRequest.newBuilder(uri(queryPort, "/api/products/" + productId + "/ownership-history"))
                            .header("Authorization", "Bearer dev-viewer")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (summary.body().contains("\"currentContractVersion\":\"" + last + "\"")
                    && history.body().contains("rotation " + (OWNERSHIP_PERIODS - 1))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The views never held all of " + productId);
    }

    /** The pages a steward opens, the large product's among them. */
    static List<String> pages(String largeProduct, String smallProduct) {
        String product = "/ui/products/" + largeProduct;
        return List.of(
                "/ui/",
                "/ui/products",
                "/ui/products?q=a-1&owner=team-1",
                "/ui/domains/bench",
                "/ui/teams/team-3",
                "/ui/ownership",
                "/ui/products/" + smallProduct,
                product,
                product + "/ownership",
                product + "/ownership?asOf=2099-01-01&knownAt=2099-01-01",
                product + "/contracts",
                product + "/contracts?from=1.0.0&to=1." + (CONTRACT_VERSIONS - 1) + ".0",
                "/ui/audit?product=" + largeProduct,
                "/ui/admin");
    }

    /**
     * What a page asks for after it is shown (htmx), not pages themselves: timed apart from {@link #pages}, and
     * reported beside them. The audit page lists a product's events at once and asks for their verdict, which reads
     * and hashes every one of them.
     */
    static List<String> fragments(String largeProduct) {
        return List.of("/ui/audit/verdict?product=" + largeProduct);
    }

    void signInAsSteward() throws IOException, InterruptedException {
        String form = page("/ui/sign-in").body();
        Matcher token = CSRF.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("The sign-in page holds no CSRF token");
        }
        String body = "identity=dev-steward&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(uri(queryPort, "/ui/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Signing in answered " + signedIn.statusCode() + " to " + location);
        }
    }

    /** Each page's 95th percentile over {@code rounds} visits, in the order given; untimed rounds first. */
    Map<String, Double> p95ByPage(List<String> pages, int warmUpRounds, int rounds)
            throws IOException, InterruptedException {
        for (int round = 0; round < warmUpRounds; round++) {
            for (String path : pages) {
                page(path);
            }
        }
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        pages.forEach(path -> nanos.put(path, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (String path : pages) {
                long start = System.nanoTime();
                page(path);
                nanos.get(path).add(System.nanoTime() - start);
            }
        }
        Map<String, Double> p95 = new LinkedHashMap<>();
        nanos.forEach((path, times) -> p95.put(path, Percentiles.millis(times, 95)));
        return p95;
    }

    /** The scripts and style sheets a console page loads, in bytes as sent (uncompressed). */
    long assetBytes() throws IOException, InterruptedException {
        Matcher assets = ASSETS.matcher(page("/ui/").body());
        long bytes = 0;
        while (assets.find()) {
            bytes += page(assets.group(1)).body().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    private HttpResponse<String> page(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(queryPort, path)).GET();
        if (path.startsWith("/ui/audit/verdict")) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return answer;
    }

    private void command(String path, String type, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(uri(commandPort, path))
                        .header("Authorization", "Bearer dev-steward")
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Version 1.{minor}.0: each adds an optional property, a minor change. */
    private static String contract(int minor) {
        String properties = IntStream.rangeClosed(0, minor)
                .mapToObj(index -> "      - name: field_%d\n        logicalType: string\n        required: %s\n"
                        .formatted(index, index == 0))
                .collect(Collectors.joining());
        return "apiVersion: v3.1.0\nkind: DataContract\nid: bench-long-past\nstatus: active\nversion: 1.%d.0\n"
                        .formatted(minor)
                + "schema:\n  - name: events\n    properties:\n" + properties;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
