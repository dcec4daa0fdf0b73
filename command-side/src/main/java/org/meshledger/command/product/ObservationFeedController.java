package org.meshledger.command.product;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.meshledger.api.command.ObservationsRecorded;
import org.meshledger.api.command.RecordSliObservations;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.SliMeasurement;
import org.meshledger.command.product.ObservationReader.ProductMeasurement;
import org.meshledger.command.web.CommandDispatcher;
import org.meshledger.command.web.InvalidRequest;
import org.meshledger.platform.security.Callers;
import org.meshledger.platform.security.ForbiddenDomain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A feed of observations for many products, one JSON object a line. Each line stands alone: the lines that can be
 * recorded are, and every other line is reported with its number and the reason.
 */
@RestController
class ObservationFeedController {

    private final CommandDispatcher commands;
    private final ObservationReader reader;
    private final int maxPerRequest;

    ObservationFeedController(
            CommandDispatcher commands,
            ObservationReader reader,
            @Value("${meshledger.limits.observations-per-request:10000}") int maxPerRequest) {
        this.commands = commands;
        this.reader = reader;
        this.maxPerRequest = maxPerRequest;
    }

    @PostMapping(value = "/api/sli-observations", consumes = "application/x-ndjson")
    Mono<ResponseEntity<FeedAnswer>> record(@RequestBody String feed, ServerWebExchange exchange) {
        List<RejectedLine> rejected = new ArrayList<>();
        Map<String, List<NumberedMeasurement>> byProduct = readLines(feed, rejected);
        return exchange.getPrincipal()
                .doOnNext(caller -> requireEveryDomain(caller, byProduct.keySet()))
                .thenMany(Flux.fromIterable(byProduct.entrySet()))
                .concatMap(entry -> recordProduct(entry.getKey(), entry.getValue(), rejected, exchange))
                .reduce(0, Integer::sum)
                .map(accepted ->
                        ResponseEntity.status(HttpStatus.ACCEPTED).body(new FeedAnswer(accepted, sorted(rejected))));
    }

    /** A feed naming one product outside the caller's domains is refused whole: nothing of it is recorded. */
    private static void requireEveryDomain(Principal caller, Set<String> productIds) {
        productIds.stream()
                .map(Ids::domainOf)
                .filter(domain -> !Callers.mayChange(caller, domain))
                .findFirst()
                .ifPresent(domain -> {
                    throw new ForbiddenDomain(domain);
                });
    }

    private Map<String, List<NumberedMeasurement>> readLines(String feed, List<RejectedLine> rejected) {
        String[] lines = feed.split("\\r?\\n");
        long nonBlank =
                java.util.Arrays.stream(lines).filter(line -> !line.isBlank()).count();
        if (nonBlank == 0 || nonBlank > maxPerRequest) {
            throw new InvalidRequest(List.of(
                    new FieldError("/", "must hold between 1 and %d observation lines".formatted(maxPerRequest))));
        }
        Map<String, List<NumberedMeasurement>> byProduct = new LinkedHashMap<>();
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            int lineNumber = index + 1;
            List<FieldError> problems = new ArrayList<>();
            try {
                reader.readWithProduct(reader.tree(lines[index]), "", problems).ifPresent(found -> byProduct
                        .computeIfAbsent(found.productId(), product -> new ArrayList<>())
                        .add(new NumberedMeasurement(lineNumber, found)));
            } catch (JsonProcessingException malformed) {
                problems.add(new FieldError("", "is not well-formed JSON"));
            }
            problems.forEach(problem -> rejected.add(new RejectedLine(
                    lineNumber, "INVALID_OBSERVATION", (problem.field() + " " + problem.message()).trim())));
        }
        return byProduct;
    }

    private Mono<Integer> recordProduct(
            String productId,
            List<NumberedMeasurement> lines,
            List<RejectedLine> rejected,
            ServerWebExchange exchange) {
        List<SliMeasurement> measurements =
                lines.stream().map(line -> line.found().measurement()).toList();
        return commands.<ObservationsRecorded>send(new RecordSliObservations(productId, measurements, false), exchange)
                .map(recorded -> {
                    recorded.rejected()
                            .forEach(rejection -> rejected.add(new RejectedLine(
                                    lines.get(rejection.index()).lineNumber(), rejection.code(), rejection.detail())));
                    return recorded.accepted();
                })
                .onErrorResume(
                        AggregateNotFoundException.class,
                        notFound -> rejectAll(
                                lines,
                                rejected,
                                ErrorCode.PRODUCT_NOT_FOUND.name(),
                                "No data product '%s'".formatted(productId)))
                .onErrorResume(
                        RuleViolation.class,
                        violation -> rejectAll(lines, rejected, violation.code().name(), violation.getMessage()));
    }

    private static Mono<Integer> rejectAll(
            List<NumberedMeasurement> lines, List<RejectedLine> rejected, String code, String detail) {
        lines.forEach(line -> rejected.add(new RejectedLine(line.lineNumber(), code, detail)));
        return Mono.just(0);
    }

    private static List<RejectedLine> sorted(List<RejectedLine> rejected) {
        return rejected.stream()
                .sorted(java.util.Comparator.comparingInt(RejectedLine::line))
                .toList();
    }

    record NumberedMeasurement(int lineNumber, ProductMeasurement found) {}

    record RejectedLine(int line, String code, String detail) {}

    record FeedAnswer(int accepted, List<RejectedLine> rejected) {}
}
