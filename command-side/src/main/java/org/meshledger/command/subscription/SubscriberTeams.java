package org.meshledger.command.subscription;

import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.command.team.TeamDirectory;
import org.meshledger.platform.security.Callers;
import org.meshledger.platform.security.ForbiddenDomain;
import org.meshledger.platform.web.Blocking;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whose subscriptions a caller may manage: a steward any team's; an integration those of registered teams of the
 * domains its token names, so that it cannot have the ledger tell a team's secrets to an endpoint of its choosing.
 */
@Component
class SubscriberTeams {

    private final TeamDirectory teams;

    SubscriberTeams(TeamDirectory teams) {
        this.teams = teams;
    }

    Mono<Void> requireMayManage(String team, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .flatMap(caller -> Callers.isSteward(caller)
                        ? Mono.empty()
                        : Blocking.call(() -> {
                                    TeamDirectory.RegisteredTeam registered = teams.find(team)
                                            .orElseThrow(() -> new RuleViolation(
                                                    ErrorCode.SUBSCRIBER_TEAM_NOT_REGISTERED,
                                                    "Team '%s' is not registered; a steward may subscribe for it"
                                                            .formatted(team)));
                                    if (!Callers.mayChange(caller, registered.domain())) {
                                        throw new ForbiddenDomain(registered.domain());
                                    }
                                    return registered;
                                })
                                .then());
    }
}
