package org.meshledger.query.console;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.ownershiphistory.MeshOwnership;
import org.meshledger.query.ownershiphistory.MeshOwnership.OwnerOnDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who owned what across the mesh (or a domain) on a date, as known at another: a page of it, and every row as a
 * CSV download for the auditor's working papers. Both dates default to now.
 */
@Controller
class MeshOwnershipPageController {

    static final int PAGE_SIZE = 50;

    private final MeshOwnership ownership;
    private final Clock clock;

    MeshOwnershipPageController(MeshOwnership ownership, Clock clock) {
        this.ownership = ownership;
        this.clock = clock;
    }

    @GetMapping("/ui/ownership")
    Mono<String> page(
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String page,
            Model model) {
        Map<String, String> problems = new LinkedHashMap<>();
        Question question = Question.read(asOf, knownAt, domain, problems, clock.instant());
        int pageNumber = ConsoleFields.page(page);
        model.addAttribute(
                "typed",
                Map.of(
                        "asOf", asOf == null ? "" : asOf,
                        "knownAt", knownAt == null ? "" : knownAt,
                        "domain", domain == null ? "" : domain));
        model.addAttribute("problems", problems);
        model.addAttribute("question", question);
        model.addAttribute("csv", question.link("/ui/ownership.csv", 0));
        return Blocking.call(() -> {
            try (Stream<OwnerOnDate> owners =
                    ownership.owners(question.domain(), question.asOf(), question.knownAt())) {
                List<OwnerOnDate> all = owners.toList();
                int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
                model.addAttribute(
                        "owners",
                        all.stream()
                                .skip((long) pageNumber * PAGE_SIZE)
                                .limit(PAGE_SIZE)
                                .toList());
                model.addAttribute("total", all.size());
                model.addAttribute("pageNumber", pageNumber);
                model.addAttribute("pages", pages);
                model.addAttribute("previous", pageNumber > 0 ? question.link("/ui/ownership", pageNumber - 1) : null);
                model.addAttribute(
                        "next", pageNumber + 1 < pages ? question.link("/ui/ownership", pageNumber + 1) : null);
            }
            return "console/mesh-ownership";
        });
    }

    @GetMapping(value = "/ui/ownership.csv")
    ResponseEntity<Flux<String>> csv(
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String domain) {
        Map<String, String> problems = new LinkedHashMap<>();
        Question question = Question.read(asOf, knownAt, domain, problems, clock.instant());
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(Flux.fromIterable(problems.entrySet())
                            .map(problem -> problem.getKey() + ": " + problem.getValue() + "\n"));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"%s\"".formatted(MeshOwnership.csvFilename(question.asOf())))
                .body(ownership.csv(question.domain(), question.asOf(), question.knownAt()));
    }

    /** The two instants and the domain asked about; what did not parse is left at its default, with a message. */
    public record Question(Instant asOf, Instant knownAt, String domain, String typedAsOf, String typedKnownAt) {

        static Question read(String asOf, String knownAt, String domain, Map<String, String> problems, Instant now) {
            Instant businessTime = ConsoleDates.read("asOf", asOf, problems);
            Instant recordingTime = ConsoleDates.read("knownAt", knownAt, problems);
            return new Question(
                    businessTime == null ? now : businessTime,
                    recordingTime == null ? now : recordingTime,
                    ConsoleFields.id("domain", domain, problems),
                    businessTime == null ? null : asOf.strip(),
                    recordingTime == null ? null : knownAt.strip());
        }

        String link(String path, int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            if (typedAsOf != null) {
                uri.queryParam("asOf", typedAsOf);
            }
            if (typedKnownAt != null) {
                uri.queryParam("knownAt", typedKnownAt);
            }
            if (domain != null) {
                uri.queryParam("domain", domain);
            }
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }
}
