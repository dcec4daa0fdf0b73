package org.meshledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP client as the product's users are: bearer tokens, JSON bodies, one call at a time per thread, connections
 * kept alive. It is the JDK's blocking client: the load generator shares the machine's two cores with the services it
 * measures, and this one costs about half the CPU per call of {@code java.net.http.HttpClient} (no selector thread,
 * no futures), leaving it to the services.
 */
final class Client {

    static {
        // the JDK keeps 5 idle connections per server by default; every client thread keeps its own alive
        System.setProperty("http.maxConnections", "64");
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    record Answer(int status, String body, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException failure) {
                throw new IllegalStateException("Not JSON: " + body, failure);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    Answer post(int port, String path, String json, String token) {
        return send(port, path, token, json.getBytes(StandardCharsets.UTF_8));
    }

    Answer get(int port, String path, String token) {
        return send(port, path, token, null);
    }

    /** The status of an unauthenticated GET; -1 while nothing listens on the port. */
    int status(int port, String path) {
        try {
            return exchange(port, path, null, null).status();
        } catch (IOException notListening) {
            return -1;
        }
    }

    private Answer send(int port, String path, String token, byte[] body) {
        try {
            return exchange(port, path, token, body);
        } catch (IOException failure) {
            throw new UncheckedIOException(path + " failed", failure);
        }
    }

    private static Answer exchange(int port, String path, String token, byte[] body) throws IOException {
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        // read to the end and close: that returns the connection to the keep-alive cache
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (stream != null) {
            try (stream) {
                text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(status, text, System.nanoTime() - start);
    }
}
