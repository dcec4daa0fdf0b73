package org.meshledger.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The API called as a client does, with a bearer token, its JSON answers read as trees (none: a null node). */
public final class JsonCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebTestClient web;

    public JsonCalls(WebTestClient web) {
        this.web = web;
    }

    /** A request with a JSON body (or none), which must answer {@code status}. */
    public JsonNode call(String token, HttpMethod method, String path, String body, int status) {
        WebTestClient.RequestBodySpec request = web.method(method)
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON);
        WebTestClient.ResponseSpec response =
                body == null ? request.exchange() : request.bodyValue(body).exchange();
        return read(response.expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    /** A read, whatever it answers. */
    public JsonNode get(String token, String path) {
        return read(web.get()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    /** A read, which must answer {@code status}. */
    public JsonNode get(String token, String path, int status) {
        return read(web.get()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private static JsonNode read(byte[] body) {
        try {
            return body == null ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
