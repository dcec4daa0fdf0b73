package org.meshledger.query.ownershiphistory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import org.meshledger.api.model.Ids;
import org.meshledger.query.ownershiphistory.OwnershipHistories.ProductOwnershipHistory;
import org.meshledger.query.support.JsonAnswers;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.RouteParameters;
import org.springdoc.core.annotations.RouterOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Who owned one product, and when: what audit teams replay most. A functional route for the reason given on the
 * catalog's {@code ProductSummaryRoute}.
 */
@Configuration(proxyBeanMethods = false)
class ProductOwnershipHistoryRoute {

    static final String PATH = "/api/products/{productId}/ownership-history";

    private static final String INSTANT = "an ISO-8601 instant such as 2026-03-01T00:00:00Z";

    @Bean
    @RouterOperation(
            path = PATH,
            method = RequestMethod.GET,
            produces = MediaType.APPLICATION_JSON_VALUE,
            operation =
                    @Operation(
                            operationId = "product",
                            summary = "Who owned a product, and when: periods [from, to) in business time",
                            parameters = {
                                @Parameter(
                                        in = ParameterIn.PATH,
                                        name = "productId",
                                        required = true,
                                        schema = @Schema(type = "string", pattern = Ids.PRODUCT_ID)),
                                @Parameter(
                                        in = ParameterIn.QUERY,
                                        name = "asOf",
                                        description =
                                                "ownerAsOf names the owner at this instant (default: now); " + INSTANT,
                                        schema = @Schema(type = "string", format = "date-time")),
                                @Parameter(
                                        in = ParameterIn.QUERY,
                                        name = "knownAt",
                                        description = "leaves out every change recorded after it; " + INSTANT,
                                        schema = @Schema(type = "string", format = "date-time")),
                                @Parameter(
                                        in = ParameterIn.QUERY,
                                        name = "minVersion",
                                        schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                            },
                            responses = {
                                @ApiResponse(
                                        responseCode = "200",
                                        description = "The view has applied minVersion (or none was asked)",
                                        content =
                                                @Content(
                                                        schema =
                                                                @Schema(
                                                                        implementation =
                                                                                ProductOwnershipHistory.class))),
                                @ApiResponse(
                                        responseCode = "202",
                                        description =
                                                "The view as it is after 5 s, not yet at minVersion (the same body)"),
                                @ApiResponse(responseCode = "404", description = "No such product")
                            }))
    RouterFunction<ServerResponse> productOwnershipHistory(RouteParameters parameters, OwnershipHistories histories) {
        return JsonAnswers.read(PATH, request -> ownershipHistory(request, parameters, histories));
    }

    private static Mono<ServerResponse> ownershipHistory(
            ServerRequest request, RouteParameters parameters, OwnershipHistories histories) {
        RouteParameters.Reading reading = parameters.of(request);
        String productId = reading.productId();
        Instant asOf = reading.instant("asOf");
        Instant knownAt = reading.instant("knownAt");
        Long minVersion = reading.minVersion();
        reading.requireValid();
        return histories
                .answer(productId, asOf, knownAt, minVersion)
                .flatMap(answer -> JsonAnswers.of(answer.getStatusCode(), answer.getBody()))
                .switchIfEmpty(Mono.error(() -> NotFound.product(productId)));
    }
}
