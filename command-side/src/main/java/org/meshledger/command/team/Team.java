package org.meshledger.command.team;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.meshledger.api.command.MoveTeamToDomain;
import org.meshledger.api.command.RegisterTeam;
import org.meshledger.api.command.RetireTeam;
import org.meshledger.api.command.TeamRecorded;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.event.TeamMovedToDomain;
import org.meshledger.api.event.TeamRegistered;
import org.meshledger.api.event.TeamRetired;

/** A registered team: the domain it belongs to now, and whether it still exists. */
@Aggregate
public class Team {

    @AggregateIdentifier
    private String team;

    private String domain;
    private boolean retired;
    private long version;

    protected Team() {
        // Axon rebuilds the team from its events
    }

    @CommandHandler
    public Team(RegisterTeam command) {
        apply(new TeamRegistered(command.team(), command.domain()));
    }

    @CommandHandler
    public TeamRecorded handle(MoveTeamToDomain command, ProductOwners owners) {
        requireNotRetired();
        if (domain.equals(command.toDomain())) {
            throw new RuleViolation(
                    ErrorCode.TEAM_ALREADY_IN_DOMAIN, "Team '%s' already belongs to '%s'".formatted(team, domain));
        }
        apply(new TeamMovedToDomain(team, domain, command.toDomain(), command.reason(), owners.ownedBy(team)));
        return new TeamRecorded(team, domain, version);
    }

    @CommandHandler
    public TeamRecorded handle(RetireTeam command, ProductOwners owners) {
        requireNotRetired();
        apply(new TeamRetired(team, domain, command.reason(), owners.ownedBy(team)));
        return new TeamRecorded(team, domain, version);
    }

    private void requireNotRetired() {
        if (retired) {
            throw new RuleViolation(ErrorCode.TEAM_RETIRED, "Team '%s' is retired".formatted(team));
        }
    }

    @EventSourcingHandler
    void on(TeamRegistered event, @SequenceNumber long sequence) {
        team = event.team();
        domain = event.domain();
        version = sequence;
    }

    @EventSourcingHandler
    void on(TeamMovedToDomain event, @SequenceNumber long sequence) {
        domain = event.toDomain();
        version = sequence;
    }

    @EventSourcingHandler
    void on(TeamRetired event, @SequenceNumber long sequence) {
        retired = true;
        version = sequence;
    }
}
