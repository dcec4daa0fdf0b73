package org.meshledger.platform.testing;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client of a test server as integrations are: kept-alive, pooled connections, so a server that stops reading a
 * kept-alive connection (see {@code EventLoopContinuation}) fails the test that meets it.
 */
public final class TestClients {

    private TestClients() {}

    public static WebTestClient to(int port, Duration responseTimeout) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(responseTimeout)
                .build();
    }
}
