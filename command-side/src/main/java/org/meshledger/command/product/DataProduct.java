package org.meshledger.command.product;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.meshledger.api.command.ContractJudged;
import org.meshledger.api.command.DefineSlo;
import org.meshledger.api.command.DeprecateContractVersion;
import org.meshledger.api.command.DeprecateDataProduct;
import org.meshledger.api.command.ObservationsRecorded;
import org.meshledger.api.command.PublishContractVersion;
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
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.event.ConsumerRegistered;
import org.meshledger.api.event.ConsumerRemoved;
import org.meshledger.api.event.ContractVersionDeprecated;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductDeprecated;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.event.DataProductRetired;
import org.meshledger.api.event.OwnershipTransferred;
import org.meshledger.api.event.SloChanged;
import org.meshledger.api.event.SloDefined;
import org.meshledger.api.event.SloRemoved;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.api.model.Slo;
import org.meshledger.api.model.SloChange;
import org.meshledger.command.contract.ContractPolicy;
import org.meshledger.command.contract.PublishedContracts;
import org.meshledger.command.governance.Stewards;
import org.meshledger.command.team.TeamDirectory;

/**
 * A data product: who owns it, which SLOs it commits to, who consumes it, and where it is in its life. Every rule is
 * checked before an event is applied, so a refused command records nothing.
 */
@Aggregate(repository = "productRepository")
public class DataProduct {

    @AggregateIdentifier
    private String productId;

    private String ownerTeam;
    private Instant currentPeriodStart;
    private ProductStatus status;
    private final Map<Indicator, Slo> slos = new EnumMap<>(Indicator.class);
    private final Map<String, Integer> consumerMajors = new HashMap<>();
    private long version;
    private final PublishedContracts contracts = new PublishedContracts();

    protected DataProduct() {
        // Axon rebuilds the product from its events
    }

    @CommandHandler
    public DataProduct(RegisterDataProduct command, TeamDirectory teams, MetaData request) {
        if (!command.productId().startsWith(command.domain() + ".")) {
            throw new RuleViolation(
                    ErrorCode.PRODUCT_ID_OUTSIDE_DOMAIN,
                    "Product id '%s' does not start with its domain '%s.'"
                            .formatted(command.productId(), command.domain()));
        }
        if (command.effectiveAt() != null) {
            requireNotInFuture(command.effectiveAt());
        }
        String ownerDomain = CrossDomainOwnership.judgeRegistration(
                command.domain(), command.ownerTeam(), teams, Stewardship.bySteward(request));
        apply(new DataProductRegistered(
                command.productId(),
                command.domain(),
                command.name(),
                command.classification(),
                command.ownerTeam(),
                command.description(),
                command.effectiveAt(),
                ownerDomain));
    }

    @CommandHandler
    public Recorded handle(TransferOwnership command, Stewards stewards, TeamDirectory teams, MetaData request) {
        requireVersion(command.expectedVersion());
        requireNotRetired();
        if (!ownerTeam.equals(command.fromTeam())) {
            throw new RuleViolation(
                    ErrorCode.NOT_CURRENT_OWNER,
                    "fromTeam '%s' is not the current owner; '%s' is".formatted(command.fromTeam(), ownerTeam));
        }
        if (ownerTeam.equals(command.toTeam())) {
            throw new RuleViolation(ErrorCode.SAME_OWNER, "toTeam '%s' already owns the product".formatted(ownerTeam));
        }
        if (command.approvedBy() != null && !stewards.includes(command.approvedBy())) {
            throw new RuleViolation(
                    ErrorCode.APPROVER_NOT_A_STEWARD,
                    "approvedBy '%s' is not a configured steward".formatted(command.approvedBy()));
        }
        String toTeamDomain = CrossDomainOwnership.judgeTransfer(
                Ids.domainOf(productId),
                command.toTeam(),
                teams,
                Stewardship.bySteward(request) || command.approvedBy() != null);
        Instant effectiveAt = command.effectiveAt() == null ? now() : command.effectiveAt();
        requireNotInFuture(effectiveAt);
        if (currentPeriodStart != null && !effectiveAt.isAfter(currentPeriodStart)) {
            throw new RuleViolation(
                    ErrorCode.EFFECTIVE_AT_NOT_AFTER_CURRENT_PERIOD,
                    "effectiveAt %s is not later than %s, when the current period began"
                            .formatted(effectiveAt, currentPeriodStart));
        }
        apply(new OwnershipTransferred(
                productId,
                command.fromTeam(),
                command.toTeam(),
                command.reason(),
                command.approvedBy(),
                effectiveAt,
                toTeamDomain));
        return recorded();
    }

    @CommandHandler
    public SloRecorded handle(DefineSlo command) {
        requireVersion(command.expectedVersion());
        requireNotRetired();
        Slo current = slos.get(command.indicator());
        if (current == null) {
            apply(new SloDefined(productId, command.indicator(), command.slo()));
            return new SloRecorded(productId, version, SloChange.DEFINED);
        }
        if (current.equals(command.slo())) {
            return new SloRecorded(productId, version, SloChange.UNCHANGED);
        }
        SloChange change = current.classifyChangeTo(command.slo(), command.indicator());
        apply(new SloChanged(productId, command.indicator(), current, command.slo(), change));
        return new SloRecorded(productId, version, change);
    }

    @CommandHandler
    public Recorded handle(RemoveSlo command) {
        requireVersion(command.expectedVersion());
        requireNotRetired();
        Slo current = slos.get(command.indicator());
        if (current == null) {
            throw new RuleViolation(
                    ErrorCode.SLO_NOT_FOUND,
                    "Product '%s' has no %s SLO"
                            .formatted(productId, command.indicator().wireName()));
        }
        apply(new SloRemoved(productId, command.indicator(), current));
        return recorded();
    }

    @CommandHandler
    public ContractJudged handle(PublishContractVersion command, ContractPolicy policy) {
        requireVersion(command.expectedVersion());
        requireNotRetired();
        ContractVersionPublished published =
                contracts.judge(productId, command.document(), command.compatibility(), now(), policy);
        if (!command.dryRun()) {
            apply(published);
        }
        return new ContractJudged(
                productId,
                version,
                published.contractVersion(),
                published.compatibility(),
                published.bump(),
                published.changes(),
                published.breakingChanges(),
                published.validatedAgainst(),
                !command.dryRun());
    }

    @CommandHandler
    public Recorded handle(DeprecateContractVersion command) {
        if (!contracts.has(command.contractVersion())) {
            throw new RuleViolation(
                    ErrorCode.CONTRACT_VERSION_NOT_FOUND,
                    "Product '%s' has no contract version %s".formatted(productId, command.contractVersion()));
        }
        requireVersion(command.expectedVersion());
        requireNotRetired();
        if (!command.sunsetAt().isAfter(now())) {
            throw new RuleViolation(
                    ErrorCode.SUNSET_NOT_IN_FUTURE, "sunsetAt %s is not in the future".formatted(command.sunsetAt()));
        }
        apply(new ContractVersionDeprecated(
                productId, command.contractVersion(), command.sunsetAt(), command.reason()));
        return recorded();
    }

    @CommandHandler
    public Recorded handle(RegisterConsumer command) {
        requireVersion(command.expectedVersion());
        requireNotRetired();
        if (!contracts.isEmpty() && !contracts.hasMajor(command.contractMajor())) {
            throw new RuleViolation(
                    ErrorCode.NO_SUCH_MAJOR,
                    "No contract of major %d has been published for '%s'"
                            .formatted(command.contractMajor(), productId));
        }
        Integer major = consumerMajors.get(command.consumerTeam());
        if (major != null) {
            throw new RuleViolation(
                    ErrorCode.CONSUMER_ALREADY_REGISTERED,
                    "Team '%s' already consumes major %d".formatted(command.consumerTeam(), major));
        }
        apply(new ConsumerRegistered(productId, command.consumerTeam(), command.contractMajor()));
        return recorded();
    }

    @CommandHandler
    public Recorded handle(RemoveConsumer command) {
        Integer major = consumerMajors.get(command.consumerTeam());
        if (major == null) {
            throw new RuleViolation(
                    ErrorCode.CONSUMER_NOT_FOUND,
                    "Team '%s' is not a consumer of '%s'".formatted(command.consumerTeam(), productId));
        }
        requireVersion(command.expectedVersion());
        apply(new ConsumerRemoved(productId, command.consumerTeam(), major));
        return recorded();
    }

    @CommandHandler
    public Recorded handle(DeprecateDataProduct command) {
        requireVersion(command.expectedVersion());
        requireNotRetired();
        if (status == ProductStatus.DEPRECATED) {
            throw new RuleViolation(
                    ErrorCode.PRODUCT_ALREADY_DEPRECATED, "Product '%s' is already deprecated".formatted(productId));
        }
        apply(new DataProductDeprecated(productId, command.reason()));
        return recorded();
    }

    @CommandHandler
    public Recorded handle(RetireDataProduct command) {
        requireVersion(command.expectedVersion());
        if (status == ProductStatus.RETIRED) {
            throw new RuleViolation(ErrorCode.PRODUCT_RETIRED, "Product '%s' is already retired".formatted(productId));
        }
        if (!consumerMajors.isEmpty()) {
            throw new RuleViolation(
                    ErrorCode.CONSUMERS_REMAIN,
                    "Product '%s' still has consumers: %s"
                            .formatted(
                                    productId,
                                    String.join(
                                            ", ",
                                            consumerMajors.keySet().stream()
                                                    .sorted()
                                                    .toList())));
        }
        apply(new DataProductRetired(productId, command.reason()));
        return recorded();
    }

    /** Observations go beside the product's stream, not on it: loading a product stays cheap however many arrive. */
    @CommandHandler
    public ObservationsRecorded handle(RecordSliObservations command, ObservationLog observationLog) {
        requireNotRetired();
        ObservationJudgement judgement = ObservationJudgement.of(productId, slos, command.measurements(), now());
        if (command.allOrNothing() && !judgement.rejected().isEmpty()) {
            throw judgement.refusal();
        }
        observationLog.append(productId, judgement.accepted());
        return new ObservationsRecorded(judgement.accepted().size(), judgement.rejected());
    }

    @EventSourcingHandler
    void on(DataProductRegistered event, @SequenceNumber long sequence) {
        productId = event.productId();
        ownerTeam = event.ownerTeam();
        currentPeriodStart = event.effectiveAt();
        status = ProductStatus.ACTIVE;
        version = sequence;
    }

    @EventSourcingHandler
    void on(OwnershipTransferred event, @SequenceNumber long sequence) {
        ownerTeam = event.toTeam();
        currentPeriodStart = event.effectiveAt();
        version = sequence;
    }

    @EventSourcingHandler
    void on(SloDefined event, @SequenceNumber long sequence) {
        slos.put(event.indicator(), event.slo());
        version = sequence;
    }

    @EventSourcingHandler
    void on(SloChanged event, @SequenceNumber long sequence) {
        slos.put(event.indicator(), event.current());
        version = sequence;
    }

    @EventSourcingHandler
    void on(SloRemoved event, @SequenceNumber long sequence) {
        slos.remove(event.indicator());
        version = sequence;
    }

    @EventSourcingHandler
    void on(ContractVersionPublished event, @SequenceNumber long sequence) {
        contracts.record(event);
        version = sequence;
    }

    @EventSourcingHandler
    void on(ContractVersionDeprecated event, @SequenceNumber long sequence) {
        version = sequence; // sunsets live in the views: the publication gate does not depend on them
    }

    @EventSourcingHandler
    void on(ConsumerRegistered event, @SequenceNumber long sequence) {
        consumerMajors.put(event.consumerTeam(), event.contractMajor());
        version = sequence;
    }

    @EventSourcingHandler
    void on(ConsumerRemoved event, @SequenceNumber long sequence) {
        consumerMajors.remove(event.consumerTeam());
        version = sequence;
    }

    @EventSourcingHandler
    void on(DataProductDeprecated event, @SequenceNumber long sequence) {
        status = ProductStatus.DEPRECATED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(DataProductRetired event, @SequenceNumber long sequence) {
        status = ProductStatus.RETIRED;
        version = sequence;
    }

    private Recorded recorded() {
        return new Recorded(productId, version);
    }

    private void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new RuleViolation(
                    ErrorCode.VERSION_MISMATCH,
                    "If-Match names version %d but the product is at version %d".formatted(expectedVersion, version));
        }
    }

    private void requireNotRetired() {
        if (status == ProductStatus.RETIRED) {
            throw new RuleViolation(ErrorCode.PRODUCT_RETIRED, "Product '%s' is retired".formatted(productId));
        }
    }

    private static void requireNotInFuture(Instant effectiveAt) {
        if (effectiveAt.isAfter(now())) {
            throw new RuleViolation(
                    ErrorCode.EFFECTIVE_AT_IN_FUTURE, "effectiveAt %s lies in the future".formatted(effectiveAt));
        }
    }

    static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
