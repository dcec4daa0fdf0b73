package org.meshledger.query.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.meshledger.api.model.Ids;
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
 * One product's summary, the read the web UI and integrations make most: a functional route, matched by its path
 * before the annotated controllers' mapping tries each of its routes' conditions, and answered without resolving and
 * validating controller arguments by reflection. Those steps were about a quarter of the HTTP threads' time per read.
 */
@Configuration(proxyBeanMethods = false)
class ProductSummaryRoute {

    static final String PATH = "/api/products/{productId}";

    @Bean
    @RouterOperation(
            path = PATH,
            method = RequestMethod.GET,
            produces = MediaType.APPLICATION_JSON_VALUE,
            operation =
                    @Operation(
                            operationId = "get",
                            summary = "One product's summary; ?minVersion= waits up to 5 s for the view to apply it",
                            parameters = {
                                @Parameter(
                                        in = ParameterIn.PATH,
                                        name = "productId",
                                        required = true,
                                        schema = @Schema(type = "string", pattern = Ids.PRODUCT_ID)),
                                @Parameter(
                                        in = ParameterIn.QUERY,
                                        name = "minVersion",
                                        schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                            },
                            responses = {
                                @ApiResponse(
                                        responseCode = "200",
                                        description = "The view has applied minVersion (or none was asked)",
                                        content = @Content(schema = @Schema(implementation = ProductSummary.class))),
                                @ApiResponse(
                                        responseCode = "202",
                                        description =
                                                "The view as it is after 5 s, not yet at minVersion (the same body)"),
                                @ApiResponse(responseCode = "404", description = "No such product")
                            }))
    RouterFunction<ServerResponse> productSummary(RouteParameters parameters, ProductSummaries summaries) {
        return JsonAnswers.read(PATH, request -> summary(request, parameters, summaries));
    }

    private static Mono<ServerResponse> summary(
            ServerRequest request, RouteParameters parameters, ProductSummaries summaries) {
        RouteParameters.Reading reading = parameters.of(request);
        String productId = reading.productId();
        Long minVersion = reading.minVersion();
        reading.requireValid();
        return summaries
                .answer(productId, minVersion)
                .flatMap(answer -> JsonAnswers.tagged(
                        request, answer.getStatusCode(), answer.getBody().version(), answer.getBody()))
                .switchIfEmpty(Mono.error(() -> NotFound.product(productId)));
    }
}
