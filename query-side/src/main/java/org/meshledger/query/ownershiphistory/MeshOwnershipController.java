package org.meshledger.query.ownershiphistory;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.ownershiphistory.MeshOwnership.OwnerOnDate;
import org.meshledger.query.support.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/ownership?asOf=&knownAt=&domain=}: who owned what on a date, as known at another, paged as JSON
 * or every row as CSV. Both instants default to now: "who owns what, as we know it".
 */
@RestController
class MeshOwnershipController {

    private static final String CSV = "text/csv";

    private final MeshOwnership ownership;
    private final Clock clock;

    MeshOwnershipController(MeshOwnership ownership, Clock clock) {
        this.ownership = ownership;
        this.clock = clock;
    }

    @GetMapping(value = "/api/ownership", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<MeshOwnershipPage> page(
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String domain,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        Instant now = clock.instant();
        Instant businessTime = asOf == null ? now : asOf;
        Instant recordingTime = knownAt == null ? now : knownAt;
        return Blocking.call(() -> {
            try (Stream<OwnerOnDate> owners = ownership.owners(domain, businessTime, recordingTime)) {
                List<OwnerOnDate> all = owners.toList();
                List<OwnerOnDate> items =
                        all.stream().skip(paging.offset()).limit(paging.size()).toList();
                return new MeshOwnershipPage(
                        items, businessTime, recordingTime, paging.page(), paging.size(), all.size());
            }
        });
    }

    @GetMapping(value = "/api/ownership", produces = CSV)
    ResponseEntity<Flux<String>> csv(
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String domain) {
        Instant now = clock.instant();
        Instant businessTime = asOf == null ? now : asOf;
        Instant recordingTime = knownAt == null ? now : knownAt;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"%s\"".formatted(MeshOwnership.csvFilename(businessTime)))
                .body(ownership.csv(domain, businessTime, recordingTime));
    }

    record MeshOwnershipPage(List<OwnerOnDate> items, Instant asOf, Instant knownAt, int page, int size, long total) {}
}
