package org.meshledger.command.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.meshledger.api.command.ChangeSubscription;
import org.meshledger.api.command.ChangeSubscription.Change;
import org.meshledger.api.command.CreateSubscription;
import org.meshledger.api.command.SubscriptionRecorded;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.SubscriptionScope;
import org.meshledger.command.web.Answers;
import org.meshledger.command.web.CommandDispatcher;
import org.meshledger.command.web.Failures;
import org.meshledger.command.web.InvalidRequest;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.notifications.SubscriptionSecrets;
import org.meshledger.platform.notifications.WebhookTargets;
import org.meshledger.platform.web.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Subscriptions as governed facts: created, paused, resumed, deleted and their secrets rotated, each an event of the
 * subscriber team's subscriptions. A secret is in the answer that issued it and nowhere else a caller can read.
 */
@RestController
class SubscriptionController {

    private final CommandDispatcher commands;
    private final WebhookTargets targets;
    private final SubscriptionSecrets secrets;
    private final SubscriberTeams subscribers;
    private final Outbox outbox;
    private final SecureRandom random = new SecureRandom();

    SubscriptionController(
            CommandDispatcher commands,
            WebhookTargets targets,
            SubscriptionSecrets secrets,
            SubscriberTeams subscribers,
            Outbox outbox) {
        this.commands = commands;
        this.targets = targets;
        this.secrets = secrets;
        this.subscribers = subscribers;
        this.outbox = outbox;
    }

    /** The answer to a creation or a rotation: the only time the secret is shown. */
    record SubscriptionIssued(
            String subscriptionId,
            String subscriberTeam,
            String url,
            List<String> kinds,
            SubscriptionScope scope,
            String status,
            String keyId,
            String secret,
            Instant previousSecretValidUntil,
            long version) {}

    @PostMapping("/api/subscriptions")
    Mono<ResponseEntity<SubscriptionIssued>> create(
            @Valid @RequestBody SubscriptionRequest request, ServerWebExchange exchange) {
        List<String> kinds = request.kindTypes();
        String url = checkedUrl(request.url());
        return subscribers.requireMayManage(request.subscriberTeam(), exchange).then(Mono.defer(() -> {
            String subscriptionId = request.subscriberTeam() + ":" + newSuffix();
            SubscriptionSecrets.Issued issued = secrets.issue(subscriptionId);
            CreateSubscription command = new CreateSubscription(
                    TeamSubscriptions.idOf(request.subscriberTeam()),
                    subscriptionId,
                    request.subscriberTeam(),
                    url,
                    kinds,
                    request.scope().asScope(),
                    issued.keyId());
            return commands.<SubscriptionRecorded>send(command, exchange)
                    .doOnError(refused -> secrets.forget(issued.keyId()))
                    .map(recorded -> ResponseEntity.created(URI.create("/api/subscriptions/" + subscriptionId))
                            .eTag(Answers.etag(recorded.version()))
                            .body(new SubscriptionIssued(
                                    subscriptionId,
                                    request.subscriberTeam(),
                                    url,
                                    kinds,
                                    command.scope(),
                                    "ACTIVE",
                                    issued.keyId(),
                                    issued.secret(),
                                    null,
                                    recorded.version())));
        }));
    }

    @PostMapping("/api/subscriptions/{subscriptionId}/secret-rotation")
    Mono<ResponseEntity<SubscriptionIssued>> rotate(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId, ServerWebExchange exchange) {
        String team = teamOf(subscriptionId);
        return subscribers.requireMayManage(team, exchange).then(Mono.defer(() -> {
            SubscriptionSecrets.Issued issued = secrets.issue(subscriptionId);
            return send(subscriptionId, Change.ROTATE_SECRET, issued.keyId(), exchange)
                    .doOnError(refused -> secrets.forget(issued.keyId()))
                    .map(recorded -> Answers.withVersion(
                            HttpStatus.OK,
                            recorded.version(),
                            new SubscriptionIssued(
                                    subscriptionId,
                                    team,
                                    null,
                                    null,
                                    null,
                                    null,
                                    issued.keyId(),
                                    issued.secret(),
                                    recorded.previousSecretValidUntil(),
                                    recorded.version())));
        }));
    }

    @PostMapping("/api/subscriptions/{subscriptionId}/pause")
    Mono<ResponseEntity<SubscriptionRecorded>> pause(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId, ServerWebExchange exchange) {
        return change(subscriptionId, Change.PAUSE, exchange);
    }

    @PostMapping("/api/subscriptions/{subscriptionId}/resume")
    Mono<ResponseEntity<SubscriptionRecorded>> resume(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId, ServerWebExchange exchange) {
        // one its receiver disabled is resumed (and recorded so) paused or not, and sending starts again after that
        return Blocking.call(() -> outbox.disabledBecause(subscriptionId).isPresent())
                .flatMap(disabled -> disabled
                        ? change(subscriptionId, Change.RESUME_DISABLED, exchange)
                                .flatMap(resumed -> Blocking.call(() -> outbox.enable(subscriptionId))
                                        .thenReturn(resumed))
                        : change(subscriptionId, Change.RESUME, exchange));
    }

    @DeleteMapping("/api/subscriptions/{subscriptionId}")
    Mono<ResponseEntity<SubscriptionRecorded>> delete(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId, ServerWebExchange exchange) {
        return change(subscriptionId, Change.DELETE, exchange);
    }

    private Mono<ResponseEntity<SubscriptionRecorded>> change(
            String subscriptionId, Change change, ServerWebExchange exchange) {
        return subscribers
                .requireMayManage(teamOf(subscriptionId), exchange)
                .then(Mono.defer(() -> send(subscriptionId, change, null, exchange)))
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded));
    }

    private Mono<SubscriptionRecorded> send(
            String subscriptionId, Change change, String keyId, ServerWebExchange exchange) {
        ChangeSubscription command =
                new ChangeSubscription(TeamSubscriptions.idOf(teamOf(subscriptionId)), subscriptionId, change, keyId);
        return commands.<SubscriptionRecorded>send(command, exchange)
                .onErrorMap(
                        failure -> Failures.causedBy(failure, AggregateNotFoundException.class),
                        missing -> new RuleViolation(
                                ErrorCode.SUBSCRIPTION_NOT_FOUND, "No subscription '%s'".formatted(subscriptionId)));
    }

    private String checkedUrl(String url) {
        try {
            return targets.check(url.strip()).toString();
        } catch (WebhookTargets.InvalidTarget malformed) {
            throw new InvalidRequest(List.of(new FieldError("/url", malformed.getMessage())));
        }
    }

    private String newSuffix() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String teamOf(String subscriptionId) {
        return subscriptionId.substring(0, subscriptionId.indexOf(':'));
    }
}
