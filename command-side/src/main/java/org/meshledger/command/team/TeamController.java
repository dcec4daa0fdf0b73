package org.meshledger.command.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.meshledger.api.command.MoveTeamToDomain;
import org.meshledger.api.command.RegisterTeam;
import org.meshledger.api.command.RetireTeam;
import org.meshledger.api.command.TeamRecorded;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.model.Ids;
import org.meshledger.command.web.Answers;
import org.meshledger.command.web.CommandDispatcher;
import org.meshledger.command.web.Failures;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Teams as facts of governance: registered in a domain, moved between domains, retired. Stewards only. */
@RestController
class TeamController {

    private final CommandDispatcher commands;

    TeamController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/api/teams")
    Mono<ResponseEntity<TeamRecorded>> register(
            @Valid @RequestBody RegisterRequest request, ServerWebExchange exchange) {
        return commands.<Object>send(new RegisterTeam(request.team(), request.domain()), exchange)
                .thenReturn(new TeamRecorded(request.team(), request.domain(), 0))
                .map(recorded -> ResponseEntity.created(URI.create("/api/teams/" + recorded.team()))
                        .eTag(Answers.etag(0))
                        .body(recorded))
                .onErrorMap(
                        failure -> Failures.causedBy(failure, AggregateStreamCreationException.class),
                        taken -> new RuleViolation(
                                ErrorCode.TEAM_ALREADY_REGISTERED,
                                "Team '%s' is already registered".formatted(request.team())));
    }

    @PostMapping("/api/teams/{team}/domain-moves")
    Mono<ResponseEntity<TeamRecorded>> move(
            @PathVariable @Pattern(regexp = Ids.ID) String team,
            @Valid @RequestBody MoveRequest request,
            ServerWebExchange exchange) {
        return send(team, new MoveTeamToDomain(team, request.toDomain(), request.reason()), exchange);
    }

    @PostMapping("/api/teams/{team}/retirement")
    Mono<ResponseEntity<TeamRecorded>> retire(
            @PathVariable @Pattern(regexp = Ids.ID) String team,
            @Valid @RequestBody RetireRequest request,
            ServerWebExchange exchange) {
        return send(team, new RetireTeam(team, request.reason()), exchange);
    }

    private Mono<ResponseEntity<TeamRecorded>> send(String team, Object command, ServerWebExchange exchange) {
        return commands.<TeamRecorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded))
                .onErrorMap(
                        failure -> Failures.causedBy(failure, AggregateNotFoundException.class),
                        missing ->
                                new RuleViolation(ErrorCode.TEAM_NOT_FOUND, "No registered team '%s'".formatted(team)));
    }

    record RegisterRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String team,
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String domain) {}

    record MoveRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String toDomain,
            @NotBlank @Size(max = Ids.MAX_TEXT) String reason) {}

    record RetireRequest(@NotBlank @Size(max = Ids.MAX_TEXT) String reason) {}
}
