package org.meshledger.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Work done off the event loop ({@link Blocking}) hands its result back to the event loop of the request's own
 * connection, so the answer is written and the request closed in one turn of that loop. Written from another thread,
 * the answer can reach a kept-alive client, and its next request arrive, before the server has closed the previous
 * one; Reactor Netty 1.2 then queues that request and, in a race (reactor-netty#4361), stops reading the connection:
 * the client waits for ever.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EventLoopContinuation implements WebFilter {

    static final String EVENT_LOOP = EventLoopContinuation.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (request instanceof Connection connection) {
            return chain.filter(exchange)
                    .contextWrite(context -> context.put(
                            EVENT_LOOP,
                            Schedulers.fromExecutor(connection.channel().eventLoop())));
        }
        return chain.filter(exchange);
    }
}
