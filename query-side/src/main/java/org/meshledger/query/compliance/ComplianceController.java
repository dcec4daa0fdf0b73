package org.meshledger.query.compliance;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ComplianceController {

    private final ComplianceQueries compliance;

    ComplianceController(ComplianceQueries compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/api/compliance")
    Mono<Rollup> mesh() {
        return Blocking.call(compliance::mesh);
    }

    @GetMapping("/api/compliance/domains/{domain}")
    Mono<Rollup> domain(@PathVariable @Pattern(regexp = Ids.ID) String domain) {
        return Blocking.call(() -> compliance.domain(domain));
    }

    @GetMapping("/api/compliance/products/{productId}")
    Mono<ResponseEntity<ProductCompliance>> product(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        return ReadYourWrites.answer(
                        () -> compliance.product(productId), ProductCompliance::version, minVersion, judged -> judged)
                .switchIfEmpty(Mono.error(() -> NotFound.product(productId)));
    }
}
