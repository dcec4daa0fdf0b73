package org.meshledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The calls an integration makes, as a steward with the development token, each bounded by a timeout: a request that
 * gets no answer within it is reported as {@link Answer#NO_ANSWER}, as a connection that fails is.
 */
final class LedgerCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String TOKEN = "Bearer dev-steward";

    /** What came back: a status and body, or nothing ({@code status} -1) within the timeout. */
    record Answer(int status, String body, boolean timedOut) {

        static final Answer NO_ANSWER = new Answer(-1, "", false);

        boolean answered() {
            return status > 0;
        }

        String code() {
            try {
                JsonNode problem = JSON.readTree(body);
                return problem.path("code").asText("");
            } catch (IOException notJson) {
                return "";
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Answer post(int port, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = request(port, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Answer get(int port, String path) {
        return send(request(port, path).GET().build());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT)
                .header("Authorization", TOKEN);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), false);
        } catch (HttpTimeoutException hung) {
            return new Answer(-1, "", true);
        } catch (IOException noAnswer) {
            return Answer.NO_ANSWER;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Answer.NO_ANSWER;
        }
    }
}
