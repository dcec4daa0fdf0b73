package org.meshledger.launcher.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's endpoint on 127.0.0.1: answers what it is told to (each scripted answer once, then 200), and keeps
 * every request with whether its Standard Webhooks signature holds under the secret it was given, checked here by the
 * algorithm itself (HMAC-SHA256 over "id.timestamp.body"), not by the ledger's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    public record Received(Instant at, String id, String timestamp, String signature, String contentType, String body) {

        public JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    /** A scripted answer: a status, given after a pause. */
    public record Answer(int status, Duration after) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile int port;
    private volatile HttpServer server;
    private volatile String secret;
    private volatile Duration eachAfter = Duration.ZERO;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    public static WebhookReceiver started() {
        WebhookReceiver receiver = new WebhookReceiver(0);
        receiver.start();
        return receiver;
    }

    /** Listening again on the port it had, as a receiver back after an outage. */
    public void start() {
        try {
            HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            listening.setExecutor(Executors.newCachedThreadPool());
            listening.createContext("/", this::handle);
            listening.start();
            server = listening;
            port = listening.getAddress().getPort();
        } catch (IOException unbound) {
            throw new UncheckedIOException(unbound);
        }
    }

    public void stop() {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    public void signedWith(String secret) {
        this.secret = secret;
    }

    /** Every unscripted answer comes after this pause: a receiver that is slow but well. */
    public void answerEachAfter(Duration pause) {
        this.eachAfter = pause;
    }

    public void thenAnswer(int status, Duration after) {
        script.add(new Answer(status, after));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Whether the request is signed by the secret: one of its space-separated v1 signatures matches. */
    public boolean signedBySecret(Received request) {
        return signedBy(secret, request);
    }

    public static boolean signedBy(String secret, Received request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal(
                    (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(signed);
            return Arrays.asList(request.signature().split(" ")).contains(expected);
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(
                Instant.now(),
                exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(body, StandardCharsets.UTF_8)));
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Answer(200, eachAfter);
        }
        try {
            Thread.sleep(answer.after().toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    public static List<String> ids(List<Received> requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(request -> ids.add(request.id()));
        return ids;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
