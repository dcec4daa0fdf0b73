package org.meshledger.query.admin;

import java.util.List;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/admin/projections")
    Mono<List<ProjectionStatus>> all() {
        return Blocking.call(admin::all);
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    Mono<ResponseEntity<ProjectionStatus>> replay(@PathVariable String name) {
        return Blocking.call(() -> admin.replay(name)).map(started -> started.map(
                        status -> ResponseEntity.status(HttpStatus.ACCEPTED).body(status))
                .orElseThrow(() -> new NotFound(
                        "PROJECTION_NOT_FOUND",
                        "No view '%s'; the views are %s".formatted(name, ProjectionAdmin.VIEWS))));
    }
}
