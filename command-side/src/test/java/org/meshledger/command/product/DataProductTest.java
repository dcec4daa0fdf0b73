package org.meshledger.command.product;

import static org.meshledger.command.product.Violations.violationOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.meshledger.api.command.DefineSlo;
import org.meshledger.api.command.DeprecateDataProduct;
import org.meshledger.api.command.ObservationsRecorded;
import org.meshledger.api.command.RecordSliObservations;
import org.meshledger.api.command.Recorded;
import org.meshledger.api.command.RegisterConsumer;
import org.meshledger.api.command.RegisterDataProduct;
import org.meshledger.api.command.RemoveConsumer;
import org.meshledger.api.command.RemoveSlo;
import org.meshledger.api.command.RetireDataProduct;
import org.meshledger.api.command.SloRecorded;
import org.meshledger.api.command.TransferOwnership;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ConsumerRemoved;
import org.meshledger.api.event.DataProductDeprecated;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.DataProductRetired;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SliObserved;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.event.SloRemoved;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.SliMeasurement;
import org.meshledger.api.model.Slo;
import org.meshledger.api.model.SloChange;
import org.meshledger.command.governance.Stewards;
import org.meshledger.command.team.TeamDirectory;

class DataProductTest {

    private static final String ID = "claims.claim-events";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final DataProductRegistered REGISTERED = new DataProductRegistered(
            ID, "claims", "Claim events", Classification.AUTHORITATIVE, "claims-core", null, JAN, "claims");
    private static final MetaData BY_STEWARD = MetaData.with("roles", List.of("STEWARD"));
    private static final MetaData BY_INTEGRATION = MetaData.with("roles", List.of("INTEGRATION"));
    private static final Slo HOURLY_FRESHNESS = new Slo(3600, 0.99, Duration.ofDays(30));

    private AggregateTestFixture<DataProduct> fixture;
    private RecordingObservationLog observationLog;

    /** Observations never reach the product's stream; this log keeps what the product sent it. */
    static final class RecordingObservationLog extends ObservationLog {

        final List<SliObserved> appended = new java.util.ArrayList<>();

        RecordingObservationLog() {
            super(null);
        }

        @Override
        void append(String productId, List<SliObserved> observations) {
            appended.addAll(observations);
        }
    }

    /** Registered teams as the command side would read them: one of claims, one of marketing, one retired. */
    static final class KnownTeams extends TeamDirectory {

        KnownTeams() {
            super(null);
        }

        @Override
        public Optional<RegisteredTeam> find(String team) {
            return switch (team) {
                case "claims-core" -> Optional.of(new RegisteredTeam(team, "claims", false));
                case "marketing-analytics" -> Optional.of(new RegisteredTeam(team, "marketing", false));
                case "legacy-bi" -> Optional.of(new RegisteredTeam(team, "claims", true));
                default -> Optional.empty();
            };
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataProduct.class);
        fixture.registerInjectableResource(new Stewards(Set.of("steward@example.org")));
        fixture.registerInjectableResource(new KnownTeams());
        observationLog = new RecordingObservationLog();
        fixture.registerInjectableResource(observationLog);
    }

    @Nested
    class Registration {

        @Test
        void givenNothing_whenRegistered_thenProductRegisteredIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDataProduct(
                            ID, "claims", "Claim events", Classification.AUTHORITATIVE, "claims-core", null, JAN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REGISTERED);
        }

        @Test
        void givenNothing_whenIdDoesNotStartWithDomain_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDataProduct(
                            ID, "policy", "Claim events", Classification.DERIVED, "claims-core", null, null))
                    .expectException(violationOf(ErrorCode.PRODUCT_ID_OUTSIDE_DOMAIN))
                    .expectNoEvents();
        }

        @Test
        void givenNothing_whenEffectiveAtInFuture_thenRefused() {
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterDataProduct(
                            ID,
                            "claims",
                            "Claim events",
                            Classification.DERIVED,
                            "claims-core",
                            null,
                            NOW.plusSeconds(3600)))
                    .expectException(violationOf(ErrorCode.EFFECTIVE_AT_IN_FUTURE))
                    .expectNoEvents();
        }
    }

    @Nested
    class CrossDomain {

        @Test
        void givenATeamOfMarketing_whenAnIntegrationRegistersAClaimsProductToIt_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(
                            new RegisterDataProduct(
                                    ID, "claims", "n", Classification.DERIVED, "marketing-analytics", null, null),
                            BY_INTEGRATION)
                    .expectException(violationOf(ErrorCode.CROSS_DOMAIN_NEEDS_STEWARD))
                    .expectNoEvents();
        }

        @Test
        void givenATeamOfMarketing_whenAStewardRegistersAClaimsProductToIt_thenItsDomainIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(
                            new RegisterDataProduct(
                                    ID, "claims", "n", Classification.DERIVED, "marketing-analytics", null, null),
                            BY_STEWARD)
                    .expectEvents(new DataProductRegistered(
                            ID, "claims", "n", Classification.DERIVED, "marketing-analytics", null, null, "marketing"));
        }

        @Test
        void givenAnUnregisteredTeam_whenRegistered_thenNeverCrossDomain() {
            fixture.givenNoPriorActivity()
                    .when(
                            new RegisterDataProduct(ID, "claims", "n", Classification.DERIVED, "anyone", null, null),
                            BY_INTEGRATION)
                    .expectEvents(
                            new DataProductRegistered(ID, "claims", "n", Classification.DERIVED, "anyone", null, null));
        }

        @Test
        void givenRegistered_whenAnIntegrationTransfersToAnotherDomainsTeamWithoutApproval_thenRefused() {
            fixture.given(REGISTERED)
                    .when(
                            new TransferOwnership(ID, "claims-core", "marketing-analytics", "reorg", null, null, null),
                            BY_INTEGRATION)
                    .expectException(violationOf(ErrorCode.CROSS_DOMAIN_NEEDS_STEWARD))
                    .expectNoEvents();
        }

        @Test
        void givenRegistered_whenTransferredToAnotherDomainsTeamWithAStewardsApproval_thenRecordedAsCrossDomain() {
            fixture.given(REGISTERED)
                    .andGivenCurrentTime(NOW)
                    .when(
                            new TransferOwnership(
                                    ID,
                                    "claims-core",
                                    "marketing-analytics",
                                    "reorg",
                                    "steward@example.org",
                                    null,
                                    null),
                            BY_INTEGRATION)
                    .expectEvents(new OwnershipTransferred(
                            ID,
                            "claims-core",
                            "marketing-analytics",
                            "reorg",
                            "steward@example.org",
                            NOW,
                            "marketing"));
        }

        @Test
        void givenRegistered_whenAStewardTransfersToAnotherDomainsTeam_thenNoApprovalNeeded() {
            fixture.given(REGISTERED)
                    .andGivenCurrentTime(NOW)
                    .when(
                            new TransferOwnership(ID, "claims-core", "marketing-analytics", "reorg", null, null, null),
                            BY_STEWARD)
                    .expectEvents(new OwnershipTransferred(
                            ID, "claims-core", "marketing-analytics", "reorg", null, NOW, "marketing"));
        }

        @Test
        void givenRegistered_whenTransferredToARetiredTeam_thenRefused() {
            fixture.given(REGISTERED)
                    .when(new TransferOwnership(ID, "claims-core", "legacy-bi", "reorg", null, null, null), BY_STEWARD)
                    .expectException(violationOf(ErrorCode.TEAM_RETIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Ownership {

        @Test
        void givenRegistered_whenTransferredWithEffectiveAt_thenTransferRecordedAtThatInstant() {
            fixture.given(REGISTERED)
                    .andGivenCurrentTime(NOW)
                    .when(new TransferOwnership(ID, "claims-core", "claims-platform", "reorg", null, MAR, null))
                    .expectResultMessagePayload(new Recorded(ID, 1))
                    .expectEvents(new OwnershipTransferred(ID, "claims-core", "claims-platform", "reorg", null, MAR));
        }

        @Test
        void givenRegistered_whenTransferredWithoutEffectiveAt_thenEffectiveNow() {
            fixture.given(REGISTERED)
                    .andGivenCurrentTime(NOW)
                    .when(new TransferOwnership(ID, "claims-core", "claims-platform", "reorg", null, null, null))
                    .expectEvents(new OwnershipTransferred(ID, "claims-core", "claims-platform", "reorg", null, NOW));
        }

        @Test
        void givenRegistered_whenApprovedByASteward_thenApproverRecorded() {
            fixture.given(REGISTERED)
                    .andGivenCurrentTime(NOW)
                    .when(new TransferOwnership(
                            ID, "claims-core", "billing-core", "moved", "Steward@Example.org", MAR, null))
                    .expectEvents(new OwnershipTransferred(
                            ID, "claims-core", "billing-core", "moved", "Steward@Example.org", MAR));
        }

        @Test
        void givenRegistered_whenFromTeamIsNotTheOwner_thenConflict() {
            fixture.given(REGISTERED)
                    .when(new TransferOwnership(ID, "someone-else", "claims-platform", "reorg", null, null, null))
                    .expectException(violationOf(ErrorCode.NOT_CURRENT_OWNER))
                    .expectNoEvents();
        }

        @Test
        void givenRegistered_whenTransferredToTheOwner_thenRefused() {
            fixture.given(REGISTERED)
                    .when(new TransferOwnership(ID, "claims-core", "claims-core", "no-op", null, null, null))
                    .expectException(violationOf(ErrorCode.SAME_OWNER))
                    .expectNoEvents();
        }

        @Test
        void givenRegistered_whenApproverIsNotASteward_thenRefused() {
            fixture.given(REGISTERED)
                    .when(new TransferOwnership(ID, "claims-core", "x", "reorg", "mallory@example.org", null, null))
                    .expectException(violationOf(ErrorCode.APPROVER_NOT_A_STEWARD))
                    .expectNoEvents();
        }

        @Test
        void givenRegistered_whenEffectiveAtInFuture_thenRefused() {
            fixture.given(REGISTERED)
                    .andGivenCurrentTime(NOW)
                    .when(new TransferOwnership(ID, "claims-core", "x", "reorg", null, NOW.plusSeconds(60), null))
                    .expectException(violationOf(ErrorCode.EFFECTIVE_AT_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void givenTransferredInMarch_whenNextTransferIsEffectiveBeforeMarch_thenRefused() {
            fixture.given(
                            REGISTERED,
                            new OwnershipTransferred(ID, "claims-core", "claims-platform", "reorg", null, MAR))
                    .andGivenCurrentTime(NOW)
                    .when(new TransferOwnership(ID, "claims-platform", "x", "reorg", null, JAN.plusSeconds(60), null))
                    .expectException(violationOf(ErrorCode.EFFECTIVE_AT_NOT_AFTER_CURRENT_PERIOD))
                    .expectNoEvents();
        }

        @Test
        void givenRegisteredAtVersionZero_whenIfMatchNamesAnotherVersion_thenPreconditionFails() {
            fixture.given(REGISTERED)
                    .when(new TransferOwnership(ID, "claims-core", "x", "reorg", null, null, 3L))
                    .expectException(violationOf(ErrorCode.VERSION_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        void givenRetired_whenTransferred_thenConflict() {
            fixture.given(REGISTERED, new DataProductRetired(ID, "gone"))
                    .when(new TransferOwnership(ID, "claims-core", "x", "reorg", null, null, null))
                    .expectException(violationOf(ErrorCode.PRODUCT_RETIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ServiceLevels {

        @Test
        void givenNoSlo_whenDefined_thenDefined() {
            fixture.given(REGISTERED)
                    .when(new DefineSlo(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS, null))
                    .expectResultMessagePayload(new SloRecorded(ID, 1, SloChange.DEFINED))
                    .expectEvents(new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS));
        }

        @Test
        void givenFreshnessSlo_whenThresholdRelaxed_thenLoosened() {
            Slo sixHours = new Slo(21600, 0.99, Duration.ofDays(30));
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .when(new DefineSlo(ID, Indicator.FRESHNESS, sixHours, null))
                    .expectResultMessagePayload(new SloRecorded(ID, 2, SloChange.LOOSENED))
                    .expectEvents(
                            new SloChanged(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS, sixHours, SloChange.LOOSENED));
        }

        @Test
        void givenFreshnessSlo_whenTargetLowered_thenLoosened() {
            Slo lower = new Slo(3600, 0.95, Duration.ofDays(30));
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .when(new DefineSlo(ID, Indicator.FRESHNESS, lower, null))
                    .expectEvents(new SloChanged(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS, lower, SloChange.LOOSENED));
        }

        @Test
        void givenFreshnessSlo_whenTargetRaisedButThresholdRelaxed_thenLoosenedWins() {
            Slo mixed = new Slo(7200, 0.999, Duration.ofDays(30));
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .when(new DefineSlo(ID, Indicator.FRESHNESS, mixed, null))
                    .expectEvents(new SloChanged(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS, mixed, SloChange.LOOSENED));
        }

        @Test
        void givenAvailabilitySlo_whenThresholdRaised_thenTightened() {
            Slo current = new Slo(0.99, 0.9, Duration.ofDays(7));
            Slo stricter = new Slo(0.999, 0.9, Duration.ofDays(7));
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.AVAILABILITY, current))
                    .when(new DefineSlo(ID, Indicator.AVAILABILITY, stricter, null))
                    .expectResultMessagePayload(new SloRecorded(ID, 2, SloChange.TIGHTENED))
                    .expectEvents(new SloChanged(ID, Indicator.AVAILABILITY, current, stricter, SloChange.TIGHTENED));
        }

        @Test
        void givenFreshnessSlo_whenOnlyWindowChanges_thenRecordedAsUnchanged() {
            Slo longer = new Slo(3600, 0.99, Duration.ofDays(90));
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .when(new DefineSlo(ID, Indicator.FRESHNESS, longer, null))
                    .expectEvents(
                            new SloChanged(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS, longer, SloChange.UNCHANGED));
        }

        @Test
        void givenFreshnessSlo_whenDefinedIdentically_thenNothingRecordedAndVersionUnchanged() {
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .when(new DefineSlo(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS, null))
                    .expectResultMessagePayload(new SloRecorded(ID, 1, SloChange.UNCHANGED))
                    .expectNoEvents();
        }

        @Test
        void givenFreshnessSlo_whenRemoved_thenRemovedWithPreviousValues() {
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .when(new RemoveSlo(ID, Indicator.FRESHNESS, null))
                    .expectEvents(new SloRemoved(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS));
        }

        @Test
        void givenNoSlo_whenRemoved_thenNotFound() {
            fixture.given(REGISTERED)
                    .when(new RemoveSlo(ID, Indicator.LATENCY, null))
                    .expectException(violationOf(ErrorCode.SLO_NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    class Observations {

        private final Instant observedAt = NOW.minusSeconds(60);

        @Test
        void givenFreshnessSlo_whenObserved_thenEachJudgedOnceAgainstTheSlo() {
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordSliObservations(
                            ID,
                            List.of(
                                    new SliMeasurement(Indicator.FRESHNESS, 100, observedAt),
                                    new SliMeasurement(Indicator.FRESHNESS, 7200, observedAt)),
                            true))
                    .expectResultMessagePayload(new ObservationsRecorded(2, List.of()))
                    .expectNoEvents();
            org.assertj.core.api.Assertions.assertThat(observationLog.appended)
                    .containsExactly(
                            new SliObserved(ID, Indicator.FRESHNESS, 100, observedAt, HOURLY_FRESHNESS, true),
                            new SliObserved(ID, Indicator.FRESHNESS, 7200, observedAt, HOURLY_FRESHNESS, false));
        }

        @Test
        void givenNoLatencySlo_whenOneOfABatchIsLatency_thenNothingOfTheBatchIsRecorded() {
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordSliObservations(
                            ID,
                            List.of(
                                    new SliMeasurement(Indicator.FRESHNESS, 100, observedAt),
                                    new SliMeasurement(Indicator.LATENCY, 80, observedAt)),
                            true))
                    .expectException(violationOf(ErrorCode.NO_SUCH_SLO))
                    .expectNoEvents();
            org.assertj.core.api.Assertions.assertThat(observationLog.appended).isEmpty();
        }

        @Test
        void givenNoLatencySlo_whenFedPartially_thenTheRestIsRecordedAndTheLatencyReported() {
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordSliObservations(
                            ID,
                            List.of(
                                    new SliMeasurement(Indicator.LATENCY, 80, observedAt),
                                    new SliMeasurement(Indicator.FRESHNESS, 100, observedAt)),
                            false))
                    .expectResultMessagePayload(new ObservationsRecorded(
                            1,
                            List.of(new ObservationsRecorded.Rejection(
                                    0, "NO_SUCH_SLO", "Product 'claims.claim-events' has no latency SLO"))))
                    .expectNoEvents();
            org.assertj.core.api.Assertions.assertThat(observationLog.appended)
                    .containsExactly(new SliObserved(ID, Indicator.FRESHNESS, 100, observedAt, HOURLY_FRESHNESS, true));
        }

        @Test
        void givenFreshnessSlo_whenObservedAnHourAhead_thenRefused() {
            fixture.given(REGISTERED, new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS))
                    .andGivenCurrentTime(NOW)
                    .when(new RecordSliObservations(
                            ID, List.of(new SliMeasurement(Indicator.FRESHNESS, 1, NOW.plusSeconds(3600))), true))
                    .expectException(violationOf(ErrorCode.OBSERVED_IN_FUTURE))
                    .expectNoEvents();
        }

        @Test
        void givenRetired_whenObserved_thenConflict() {
            fixture.given(
                            REGISTERED,
                            new SloDefined(ID, Indicator.FRESHNESS, HOURLY_FRESHNESS),
                            new DataProductRetired(ID, "gone"))
                    .when(new RecordSliObservations(
                            ID, List.of(new SliMeasurement(Indicator.FRESHNESS, 1, observedAt)), true))
                    .expectException(violationOf(ErrorCode.PRODUCT_RETIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class ConsumersAndLifecycle {

        @Test
        void givenRegistered_whenConsumerRegistered_thenRecorded() {
            fixture.given(REGISTERED)
                    .when(new RegisterConsumer(ID, "fraud-analytics", 1, null))
                    .expectEvents(new ConsumerRegistered(ID, "fraud-analytics", 1));
        }

        @Test
        void givenConsumer_whenRegisteredAgainOnAnotherMajor_thenConflict() {
            fixture.given(REGISTERED, new ConsumerRegistered(ID, "fraud-analytics", 1))
                    .when(new RegisterConsumer(ID, "fraud-analytics", 2, null))
                    .expectException(violationOf(ErrorCode.CONSUMER_ALREADY_REGISTERED))
                    .expectNoEvents();
        }

        @Test
        void givenConsumer_whenRemoved_thenRemovedWithItsMajor() {
            fixture.given(REGISTERED, new ConsumerRegistered(ID, "fraud-analytics", 1))
                    .when(new RemoveConsumer(ID, "fraud-analytics", null))
                    .expectEvents(new ConsumerRemoved(ID, "fraud-analytics", 1));
        }

        @Test
        void givenNoConsumer_whenRemoved_thenNotFound() {
            fixture.given(REGISTERED)
                    .when(new RemoveConsumer(ID, "fraud-analytics", null))
                    .expectException(violationOf(ErrorCode.CONSUMER_NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void givenActive_whenDeprecated_thenDeprecated() {
            fixture.given(REGISTERED)
                    .when(new DeprecateDataProduct(ID, "replaced by claims.claim-facts", null))
                    .expectEvents(new DataProductDeprecated(ID, "replaced by claims.claim-facts"));
        }

        @Test
        void givenDeprecated_whenDeprecatedAgain_thenRefused() {
            fixture.given(REGISTERED, new DataProductDeprecated(ID, "old"))
                    .when(new DeprecateDataProduct(ID, "again", null))
                    .expectException(violationOf(ErrorCode.PRODUCT_ALREADY_DEPRECATED))
                    .expectNoEvents();
        }

        @Test
        void givenConsumer_whenRetired_thenRefusedNamingTheConsumers() {
            fixture.given(REGISTERED, new ConsumerRegistered(ID, "fraud-analytics", 1))
                    .when(new RetireDataProduct(ID, "gone", null))
                    .expectException(violationOf(ErrorCode.CONSUMERS_REMAIN))
                    .expectExceptionMessage("Product 'claims.claim-events' still has consumers: fraud-analytics")
                    .expectNoEvents();
        }

        @Test
        void givenNoConsumers_whenRetired_thenRetired() {
            fixture.given(REGISTERED, new DataProductDeprecated(ID, "old"))
                    .when(new RetireDataProduct(ID, "gone", null))
                    .expectEvents(new DataProductRetired(ID, "gone"));
        }

        @Test
        void givenRetired_whenRetiredAgainOrConsumed_thenRefused() {
            fixture.given(REGISTERED, new DataProductRetired(ID, "gone"))
                    .when(new RetireDataProduct(ID, "again", null))
                    .expectException(violationOf(ErrorCode.PRODUCT_RETIRED));
            fixture.given(REGISTERED, new DataProductRetired(ID, "gone"))
                    .when(new RegisterConsumer(ID, "fraud-analytics", 1, null))
                    .expectException(violationOf(ErrorCode.PRODUCT_RETIRED))
                    .expectNoEvents();
        }
    }
}
