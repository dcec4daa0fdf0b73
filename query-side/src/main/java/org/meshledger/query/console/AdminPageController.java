package org.meshledger.query.console;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.admin.ProjectionAdmin;
import org.meshledger.query.admin.ProjectionStatus;
import org.meshledger.query.drift.DriftFeed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The steward's page: each view's processor, how far behind it is, and a replay that rebuilds it. */
@Controller
class AdminPageController {

    static final String STREAM = "/ui/admin/projections/stream";
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final ProjectionAdmin projections;
    private final ITemplateEngine templates;

    AdminPageController(ProjectionAdmin projections, ITemplateEngine templates) {
        this.projections = projections;
        this.templates = templates;
    }

    @GetMapping("/ui/admin")
    Mono<String> admin(@RequestParam(required = false) String replayed, Model model) {
        return Blocking.call(projections::all).map(all -> {
            model.addAttribute("projections", all);
            model.addAttribute("stream", STREAM);
            model.addAttribute(
                    "replayed", replayed != null && ProjectionAdmin.VIEWS.contains(replayed) ? replayed : null);
            return "console/admin";
        });
    }

    /**
     * The rows again whenever a view's position, lag or replay changes (looked at each second), so a steward watches
     * a replay advance; each form keeps this session's CSRF token.
     */
    @GetMapping(value = STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return (token == null ? Mono.<CsrfToken>empty() : token)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMapMany(csrf -> DriftFeed.withHeartbeats(Flux.interval(LOOK_EVERY)
                        .concatMap(tick -> Blocking.call(projections::all))
                        .distinctUntilChanged()
                        .map(all -> ServerSentEvent.builder(rows(all, csrf.orElse(null)))
                                .event("projections")
                                .build())));
    }

    private String rows(List<ProjectionStatus> all, CsrfToken csrf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("projections", all);
        variables.put("_csrf", csrf);
        return templates.process("console/admin", Set.of("rows"), new Context(Locale.ENGLISH, variables));
    }

    /** Post, then redirect: a reload of the page never starts a second replay. */
    @PostMapping("/ui/admin/projections/{name}/replay")
    Mono<ResponseEntity<Void>> replay(@PathVariable String name) {
        return Blocking.call(() -> projections
                .replay(name)
                .map(started -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create("/ui/admin?replayed=" + started.name()))
                        .<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }
}
