package org.meshledger.platform.testing;

import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A test client that opens a connection per request. A pooled client keeps a connection checked out while a
 * response body nobody reads is pending, and a test that only asserts statuses runs the pool dry: its next request
 * then waits for a free connection until the test times out, which looks like a server that never answered.
 */
public final class TestClients {

    private TestClients() {}

    public static WebTestClient to(int port, Duration responseTimeout) {
        return WebTestClient.bindToServer(
                        new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(responseTimeout)
                .build();
    }
}
