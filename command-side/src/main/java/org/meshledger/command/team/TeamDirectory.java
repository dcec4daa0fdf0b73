package org.meshledger.command.team;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshledger.api.event.TeamMovedToDomain;
import org.meshledger.api.event.TeamRegistered;
import org.meshledger.api.event.TeamRetired;

/**
 * Where a team belongs, read from its own events when a product command needs it: a team's stream is a handful of
 * events, and reading it at the moment of judgement sees every move another replica recorded.
 */
public class TeamDirectory {

    private final EventStore eventStore;

    public TeamDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty for a team that was never registered: such a team is never judged cross-domain. */
    public Optional<RegisteredTeam> find(String team) {
        RegisteredTeam found = null;
        var events = eventStore.readEvents(team, 0);
        while (events.hasNext()) {
            found = next(found, events.next());
        }
        return Optional.ofNullable(found);
    }

    private static RegisteredTeam next(RegisteredTeam current, DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof TeamRegistered registered) {
            return new RegisteredTeam(registered.team(), registered.domain(), false);
        }
        if (payload instanceof TeamMovedToDomain moved && current != null) {
            return new RegisteredTeam(current.team(), moved.toDomain(), false);
        }
        if (payload instanceof TeamRetired && current != null) {
            return new RegisteredTeam(current.team(), current.domain(), true);
        }
        return current;
    }

    public record RegisteredTeam(String team, String domain, boolean retired) {}
}
