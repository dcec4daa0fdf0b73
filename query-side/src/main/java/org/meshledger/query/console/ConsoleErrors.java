package org.meshledger.query.console;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * A console page for what no template renders: a refusal the security chain answers before any page, a route that
 * does not exist, a failure. Written by hand so that it shows even when the template engine is what failed.
 */
final class ConsoleErrors {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private ConsoleErrors() {}

    static Mono<Void> render(ServerWebExchange exchange, HttpStatusCode status, String message) {
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(HTML);
        DataBuffer body = exchange.getResponse()
                .bufferFactory()
                .wrap(page(status, message).getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(body));
    }

    /** {@code message} is escaped: it may quote what the request held. */
    static String page(HttpStatusCode status, String message) {
        String reason = status instanceof HttpStatus known ? known.getReasonPhrase() : "Error";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%d %s · MeshLedger</title>
                <link rel="stylesheet" href="/ui/assets/console.css"></head>
                <body><header class="bar"><a class="brand" href="/ui/">MeshLedger</a></header>
                <main><h1>%d %s</h1><p>%s</p><p><a href="/ui/">Back to the mesh</a></p></main>
                </body></html>
                """
                .formatted(status.value(), reason, status.value(), reason, HtmlUtils.htmlEscape(message));
    }
}
