package org.meshledger.query.console;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A refusal the security chain answers before any page is rendered: a page of its own, with its status. */
final class ConsoleErrors {

    private ConsoleErrors() {}

    static Mono<Void> render(ServerWebExchange exchange, HttpStatus status) {
        String page =
                """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%d %s · MeshLedger</title>
                <link rel="stylesheet" href="/ui/assets/console.css"></head>
                <body><header class="bar"><a href="/ui/">MeshLedger</a></header>
                <main><h1>%d %s</h1><p>Your role may not open this page. <a href="/ui/">Back to the mesh</a></p></main>
                </body></html>
                """
                        .formatted(status.value(), status.getReasonPhrase(), status.value(), status.getReasonPhrase());
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(page.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(body));
    }
}
