package org.meshledger.query.console;

import java.net.URI;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.admin.ProjectionAdmin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** The steward's page: each view's processor, how far behind it is, and a replay that rebuilds it. */
@Controller
class AdminPageController {

    private final ProjectionAdmin projections;

    AdminPageController(ProjectionAdmin projections) {
        this.projections = projections;
    }

    @GetMapping("/ui/admin")
    Mono<String> admin(@RequestParam(required = false) String replayed, Model model) {
        return Blocking.call(projections::all).map(all -> {
            model.addAttribute("projections", all);
            model.addAttribute(
                    "replayed", replayed != null && ProjectionAdmin.VIEWS.contains(replayed) ? replayed : null);
            return "console/admin";
        });
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
