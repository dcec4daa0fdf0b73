package org.meshledger.query.drift;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SliObserved;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.event.SloRemoved;
import org.meshledger.api.event.TeamMovedToDomain;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.Slo;
import org.meshledger.api.model.SloChange;
import org.meshledger.query.notifications.SloTransitions;
import org.meshledger.query.slo.HourlyCounts.Counts;
import org.meshledger.query.slo.SloStatus;
import org.meshledger.query.slo.SloTrack;
import org.meshledger.query.support.CreateOnce;
import org.meshledger.query.support.ProductEvents;
import org.meshledger.query.support.ViewUpdates;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The drift timeline: where promises and reality part ways. Breaches are judged as observations arrive, at the time
 * each was recorded, so a replay meets every transition exactly where the live run did.
 */
@Component
@ProcessingGroup(DriftProjection.NAME)
class DriftProjection {

    static final String NAME = "drift-timeline";

    private final MongoTemplate mongo;
    private final DriftTimeline timeline;
    private final SloTransitions transitions;
    private final CrossDomainEntries crossDomain;

    DriftProjection(MongoTemplate mongo, DriftTimeline timeline, SloTransitions transitions) {
        this.mongo = mongo;
        this.timeline = timeline;
        this.transitions = transitions;
        this.crossDomain = new CrossDomainEntries(timeline);
    }

    @EventHandler
    void on(DataProductRegistered event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        CreateOnce.insert(mongo, new DriftState(event.productId(), event.domain(), Map.of(), Set.of(), 0, -1));
        if (event.crossDomain()) {
            crossDomain.record(
                    eventId, event.productId(), event.ownerTeam(), event.ownerTeamDomain(), at, "registered");
        }
    }

    @EventHandler
    void on(TeamMovedToDomain event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        for (String productId : event.ownedProducts()) {
            if (!Ids.domainOf(productId).equals(event.toDomain())) {
                crossDomain.record(
                        eventId,
                        productId,
                        event.team(),
                        event.toDomain(),
                        at,
                        "team moved from %s: %s".formatted(event.fromDomain(), event.reason()));
            }
        }
    }

    @EventHandler
    void on(
            OwnershipTransferred event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId) {
        update(event.productId(), sequence, state -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fromTeam", event.fromTeam());
            details.put("toTeam", event.toTeam());
            details.put("reason", event.reason());
            details.put("approvedBy", event.approvedBy());
            details.put("effectiveAt", event.effectiveAt().toString());
            timeline.record(
                    eventId,
                    DriftKind.OWNERSHIP_TRANSFERRED,
                    state.productId(),
                    state.domain(),
                    at,
                    "Ownership moved from %s to %s".formatted(event.fromTeam(), event.toTeam()),
                    details);
            if (event.crossDomain()) {
                crossDomain.record(eventId, state.productId(), event.toTeam(), event.toTeamDomain(), at, "transferred");
            }
            return state;
        });
    }

    @EventHandler
    void on(SloDefined event, @SequenceNumber long sequence) {
        update(
                event.productId(),
                sequence,
                state -> state.with(
                        SloTrack.replacing(state.slos(), event.indicator().wireName(), SloTrack.of(event.slo())),
                        state.breaching()));
    }

    @EventHandler
    void on(SloChanged event, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String eventId) {
        update(event.productId(), sequence, state -> {
            String indicator = event.indicator().wireName();
            if (event.classification() == SloChange.LOOSENED || event.classification() == SloChange.TIGHTENED) {
                DriftKind kind =
                        event.classification() == SloChange.LOOSENED ? DriftKind.SLO_LOOSENED : DriftKind.SLO_TIGHTENED;
                timeline.record(
                        eventId,
                        kind,
                        state.productId(),
                        state.domain(),
                        at,
                        "SLO %s %s: %s → %s"
                                .formatted(
                                        indicator,
                                        event.classification().name().toLowerCase(),
                                        describe(event.previous()),
                                        describe(event.current())),
                        Map.of(
                                "indicator",
                                indicator,
                                "previous",
                                slo(event.previous()),
                                "current",
                                slo(event.current())));
            }
            SloTrack current = state.slos().get(indicator);
            SloTrack changed = current == null ? SloTrack.of(event.current()) : current.redefinedAs(event.current());
            return state.with(SloTrack.replacing(state.slos(), indicator, changed), state.breaching());
        });
    }

    @EventHandler
    void on(SloRemoved event, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String eventId) {
        update(event.productId(), sequence, state -> {
            String indicator = event.indicator().wireName();
            timeline.record(
                    eventId,
                    DriftKind.SLO_REMOVED,
                    state.productId(),
                    state.domain(),
                    at,
                    "SLO %s removed (was %s)".formatted(indicator, describe(event.previous())),
                    Map.of("indicator", indicator, "previous", slo(event.previous())));
            Set<String> breaching = new TreeSet<>(state.breaching());
            breaching.remove(indicator);
            return state.with(SloTrack.replacing(state.slos(), indicator, null), breaching);
        });
    }

    @EventHandler
    void on(
            SliObserved event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            EventMessage<?> message) {
        // its place in the log, for the notifications that wait until their processor has read that far
        long position = message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().orElse(0)
                : 0;
        ViewUpdates.apply(
                mongo,
                DriftState.class,
                event.productId(),
                state -> state.observationVersion() >= sequence,
                state -> observed(state, event, at, eventId, position).atObservation(sequence),
                DriftProjection::unchangedSinceRead);
    }

    /** The state with the observation counted, recording a breach transition on the timeline when there is one. */
    private DriftState observed(DriftState state, SliObserved event, Instant at, String eventId, long position) {
        String indicator = event.indicator().wireName();
        SloTrack track = state.slos().get(indicator);
        if (track == null) {
            return state;
        }
        SloTrack observed = track.observed(event.observedAt(), event.good(), at);
        Set<String> breaching = new TreeSet<>(state.breaching());
        boolean wasBreaching = breaching.contains(indicator);
        boolean isBreaching = observed.statusAt(at) == SloStatus.BREACHING;
        if (isBreaching != wasBreaching) {
            recordTransition(state, indicator, observed, isBreaching, at, eventId, position);
            if (isBreaching) {
                breaching.add(indicator);
            } else {
                breaching.remove(indicator);
            }
        }
        return state.with(SloTrack.replacing(state.slos(), indicator, observed), breaching);
    }

    /** Events that do not change this view still move its version. */
    @EventHandler
    void on(Object unchanged, EventMessage<?> message) {
        ProductEvents.advanceVersion(mongo, DriftState.class, message);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(DriftState.class);
        timeline.clear();
    }

    private void recordTransition(
            DriftState state,
            String indicator,
            SloTrack track,
            boolean started,
            Instant at,
            String eventId,
            long position) {
        Counts counts = track.countsAt(at);
        String rate = String.format(java.util.Locale.ROOT, "%.4f", counts.rate());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("indicator", indicator);
        details.put("complianceRate", counts.rate());
        details.put("target", track.target());
        details.put("goodObservations", counts.good());
        details.put("observations", counts.total());
        details.put("window", track.window());
        timeline.record(
                eventId,
                started ? DriftKind.SLO_BREACH_STARTED : DriftKind.SLO_BREACH_ENDED,
                state.productId(),
                state.domain(),
                at,
                started
                        ? "SLO %s started breaching: %s < %s".formatted(indicator, rate, track.target())
                        : "SLO %s is met again: %s ≥ %s".formatted(indicator, rate, track.target()),
                details);
        // the judgement is this view's; its subscribers hear of it from the notifications (slo.breaching, .recovered)
        transitions.record(eventId, position, state.productId(), started, at, details);
    }

    private void update(String productId, long sequence, UnaryOperator<DriftState> change) {
        ViewUpdates.apply(
                mongo,
                DriftState.class,
                productId,
                state -> state.version() >= sequence,
                state -> change.apply(state).atVersion(sequence),
                DriftProjection::unchangedSinceRead);
    }

    private static Query unchangedSinceRead(DriftState state) {
        return ViewUpdates.unchanged(state.productId(), state.version(), state.observationVersion());
    }

    private static String describe(Slo slo) {
        return "threshold %s, target %s over %s"
                .formatted(number(slo.threshold()), number(slo.target()), Slo.formatWindow(slo.window()));
    }

    private static Map<String, Object> slo(Slo slo) {
        return Map.of("threshold", slo.threshold(), "target", slo.target(), "window", Slo.formatWindow(slo.window()));
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
