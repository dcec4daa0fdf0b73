package org.meshledger.query.support;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import reactor.core.publisher.Mono;

/**
 * The answers of the reads served by functional routes, as a controller returning a {@code ResponseEntity} gives
 * them: JSON, 406 to a caller that accepts no JSON, with an {@code ETag} 304 to an {@code If-None-Match} that holds
 * it, and 405 to a method the path does not take.
 */
public final class JsonAnswers {

    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private JsonAnswers() {}

    /**
     * A JSON read at {@code path}: GET and HEAD reach the handler once the caller is known to read JSON, and every
     * other method is answered as on a controller's GET route.
     */
    public static RouterFunction<ServerResponse> read(String path, HandlerFunction<ServerResponse> handler) {
        return RouterFunctions.route(
                        RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD)
                                .and(RequestPredicates.path(path)),
                        request -> {
                            requireJsonAccepted(request);
                            return handler.handle(request);
                        })
                .and(otherMethods(path));
    }

    /** Before any work: a caller that cannot read JSON is refused as a controller would refuse it. */
    private static void requireJsonAccepted(ServerRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.headers().accept();
        } catch (InvalidMediaTypeException unreadable) {
            throw new NotAcceptableStatusException("Could not parse 'Accept' header: " + unreadable.getMessage());
        }
        if (!accepted.isEmpty() && accepted.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            throw new NotAcceptableStatusException(List.of(MediaType.APPLICATION_JSON));
        }
    }

    /** The view's version is its entity tag, as every product write answers with it. */
    public static Mono<ServerResponse> tagged(ServerRequest request, HttpStatusCode status, long version, Object body) {
        String tag = "\"" + version + "\"";
        return request.checkNotModified(tag).switchIfEmpty(Mono.defer(() -> ServerResponse.status(status)
                .eTag(tag)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)));
    }

    /**
     * The other methods on a read's path, answered as on a controller's GET route: OPTIONS lists what is allowed,
     * anything else is a 405 problem. Functional routes are tried before every controller, so a write on the same
     * path in the all-in-one launcher would never be reached: there is none.
     */
    private static RouterFunction<ServerResponse> otherMethods(String path) {
        return RouterFunctions.route(
                RequestPredicates.path(path),
                request -> request.method() == HttpMethod.OPTIONS
                        ? ServerResponse.ok()
                                .allow(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
                                .build()
                        : Mono.error(new MethodNotAllowedException(request.method(), READ_METHODS)));
    }

    public static Mono<ServerResponse> of(HttpStatusCode status, Object body) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }
}
