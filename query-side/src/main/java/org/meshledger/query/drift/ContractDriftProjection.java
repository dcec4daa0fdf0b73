package org.meshledger.query.drift;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ConsumerRemoved;
import org.meshledger.api.event.ContractVersionDeprecated;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.query.support.CreateOnce;
import org.meshledger.query.support.ProductEvents;
import org.meshledger.query.support.ViewUpdates;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Contract drift on the timeline: every new version, breaking ones with the consumers still on the old major,
 * loosened SLAs, a declared team that is not the owner, and consumers left on a deprecated major.
 */
@Component
@ProcessingGroup(DriftProjection.NAME)
class ContractDriftProjection {

    private final MongoTemplate mongo;
    private final DriftTimeline timeline;

    ContractDriftProjection(MongoTemplate mongo, DriftTimeline timeline) {
        this.mongo = mongo;
        this.timeline = timeline;
    }

    @EventHandler
    void on(DataProductRegistered event) {
        CreateOnce.insert(
                mongo,
                new ContractDriftState(
                        event.productId(), event.domain(), event.ownerTeam(), null, Map.of(), Map.of(), 0));
    }

    @EventHandler
    void on(
            OwnershipTransferred event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        update(event.productId(), sequence, state -> {
            mismatch(state, state.declaredTeam(), event.toTeam(), eventId, at);
            return state.with(event.toTeam(), state.declaredTeam(), state.consumers(), state.sunsets());
        });
    }

    @EventHandler
    void on(
            ConsumerRegistered event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        update(event.productId(), sequence, state -> {
            Instant sunset = state.sunsets().get(String.valueOf(event.contractMajor()));
            if (sunset != null) {
                onDeprecated(state, event.consumerTeam(), event.contractMajor(), sunset, eventId, at);
            }
            Map<String, Integer> consumers = new TreeMap<>(state.consumers());
            consumers.put(event.consumerTeam(), event.contractMajor());
            return state.with(state.ownerTeam(), state.declaredTeam(), consumers, state.sunsets());
        });
    }

    @EventHandler
    void on(ConsumerRemoved event, @SequenceNumber long sequence) {
        update(event.productId(), sequence, state -> {
            Map<String, Integer> consumers = new TreeMap<>(state.consumers());
            consumers.remove(event.consumerTeam());
            return state.with(state.ownerTeam(), state.declaredTeam(), consumers, state.sunsets());
        });
    }

    @EventHandler
    void on(
            ContractVersionPublished event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        update(event.productId(), sequence, state -> {
            changed(state, event, eventId, at);
            slaDrift(state, event, eventId, at);
            mismatch(state, event.declaredTeam(), state.ownerTeam(), eventId, at);
            Map<String, Instant> sunsets = new TreeMap<>(state.sunsets());
            if (event.deprecatedMajor() != null) {
                sunsets.putIfAbsent(String.valueOf(event.deprecatedMajor()), event.sunsetAt());
                consumersOn(state, event.deprecatedMajor())
                        .forEach(team ->
                                onDeprecated(state, team, event.deprecatedMajor(), event.sunsetAt(), eventId, at));
            }
            return state.with(state.ownerTeam(), event.declaredTeam(), state.consumers(), sunsets);
        });
    }

    @EventHandler
    void on(
            ContractVersionDeprecated event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        int major = Integer.parseInt(event.contractVersion().split("\\.")[0]);
        update(event.productId(), sequence, state -> {
            Map<String, Instant> sunsets = new TreeMap<>(state.sunsets());
            sunsets.merge(
                    String.valueOf(major),
                    event.sunsetAt(),
                    (earlier, later) -> earlier.isBefore(later) ? earlier : later);
            consumersOn(state, major)
                    .forEach(team -> onDeprecated(state, team, major, sunsets.get(String.valueOf(major)), eventId, at));
            return state.with(state.ownerTeam(), state.declaredTeam(), state.consumers(), sunsets);
        });
    }

    /** Events that do not change this state still move its version. */
    @EventHandler
    void on(Object unchanged, EventMessage<?> message) {
        ProductEvents.advanceVersion(mongo, ContractDriftState.class, message);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ContractDriftState.class);
    }

    private void changed(ContractDriftState state, ContractVersionPublished event, String eventId, Instant at) {
        timeline.record(
                eventId,
                DriftKind.CONTRACT_CHANGED,
                state.productId(),
                state.domain(),
                at,
                "Contract %s published (%s, %d change(s))"
                        .formatted(
                                event.contractVersion(),
                                event.bump(),
                                event.changes().size()),
                details(
                        "contractVersion",
                        event.contractVersion(),
                        "bump",
                        event.bump().name(),
                        "compatibility",
                        event.compatibility().name(),
                        "changes",
                        event.changes().size()));
        if (!event.breakingChanges().isEmpty()) {
            List<String> onOldMajor =
                    event.deprecatedMajor() == null ? List.of() : consumersOn(state, event.deprecatedMajor());
            timeline.record(
                    eventId,
                    DriftKind.CONTRACT_BREAKING_CHANGE,
                    state.productId(),
                    state.domain(),
                    at,
                    "Contract %s breaks %d thing(s); consumers still on the old major: %s"
                            .formatted(
                                    event.contractVersion(),
                                    event.breakingChanges().size(),
                                    onOldMajor.isEmpty() ? "none" : String.join(", ", onOldMajor)),
                    details(
                            "contractVersion",
                            event.contractVersion(),
                            "breakingChanges",
                            event.breakingChanges(),
                            "consumersOnOldMajor",
                            onOldMajor));
        }
    }

    /** A loosened SLA is drift; so is one whose units cannot be compared, since it may have loosened. */
    private void slaDrift(ContractDriftState state, ContractVersionPublished event, String eventId, Instant at) {
        for (SlaChanges.SlaChange change : SlaChanges.in(event.document(), event.changes())) {
            DriftKind kind =
                    switch (change.verdict()) {
                        case LOOSENED -> DriftKind.SLA_LOOSENED;
                        case CHANGED -> DriftKind.SLA_CHANGED;
                        case TIGHTENED, UNCHANGED -> null;
                    };
            if (kind == null) {
                continue;
            }
            timeline.record(
                    eventId + ":" + kind + ":" + change.property(),
                    eventId,
                    kind,
                    state.productId(),
                    state.domain(),
                    at,
                    (kind == DriftKind.SLA_LOOSENED
                                    ? "SLA %s loosened: %s → %s"
                                    : "SLA %s changed: %s → %s, in units that cannot be compared")
                            .formatted(change.property(), change.previous(), change.current()),
                    details(
                            "property",
                            change.property(),
                            "previous",
                            change.previous().toString(),
                            "current",
                            change.current().toString(),
                            "contractVersion",
                            event.contractVersion()),
                    null);
        }
    }

    private void mismatch(ContractDriftState state, String declaredTeam, String owner, String eventId, Instant at) {
        if (declaredTeam != null && owner != null && !declaredTeam.equals(owner)) {
            timeline.record(
                    eventId,
                    DriftKind.OWNER_CONTRACT_MISMATCH,
                    state.productId(),
                    state.domain(),
                    at,
                    "The contract names team %s, but %s owns the product".formatted(declaredTeam, owner),
                    details("declaredTeam", declaredTeam, "ownerTeam", owner));
        }
    }

    private void onDeprecated(
            ContractDriftState state, String team, int major, Instant sunset, String eventId, Instant at) {
        timeline.record(
                eventId + ":CONSUMER_ON_DEPRECATED_VERSION:" + team,
                eventId,
                DriftKind.CONSUMER_ON_DEPRECATED_VERSION,
                state.productId(),
                state.domain(),
                at,
                "Consumer %s is on deprecated major %d (sunset %s)".formatted(team, major, sunset),
                details("consumerTeam", team, "contractMajor", major, "sunsetAt", sunset.toString()),
                sunset);
    }

    private static List<String> consumersOn(ContractDriftState state, int major) {
        return state.consumers().entrySet().stream()
                .filter(consumer -> consumer.getValue() == major)
                .map(Map.Entry::getKey)
                .toList();
    }

    private void update(String productId, long sequence, UnaryOperator<ContractDriftState> change) {
        ViewUpdates.apply(
                mongo,
                ContractDriftState.class,
                productId,
                state -> state.version() >= sequence,
                state -> change.apply(state).atVersion(sequence),
                state -> ViewUpdates.unchanged(productId, state.version()));
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            details.put((String) pairs[index], pairs[index + 1]);
        }
        return details;
    }
}
