package org.meshledger.query.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.meshledger.api.event.ContractVersionDeprecated;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.platform.odcs.OdcsSchemas;
import org.meshledger.query.support.CreateOnce;
import org.meshledger.query.support.ProductEvents;
import org.meshledger.query.support.ViewUpdates;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Every contract version of every product, kept as sent for export; idempotent by the product's version. */
@Component
@ProcessingGroup(ContractVersionsProjection.NAME)
class ContractVersionsProjection {

    static final String NAME = "contract-versions";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final MongoTemplate mongo;

    ContractVersionsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(DataProductRegistered event) {
        CreateOnce.insert(mongo, new ContractIndex(event.productId(), List.of(), 0));
    }

    @EventHandler
    void on(
            ContractVersionPublished event,
            @SequenceNumber long sequence,
            @Timestamp Instant publishedAt,
            @MessageIdentifier String eventId) {
        // created once: a later deprecation must survive this event being delivered again
        CreateOnce.insert(
                mongo,
                new ContractVersionRecord(
                        ContractVersionRecord.idOf(event.productId(), event.contractVersion()),
                        event.productId(),
                        event.contractVersion(),
                        event.apiVersion(),
                        validatedAgainst(event),
                        event.compatibility(),
                        event.bump(),
                        event.changes(),
                        event.breakingChanges(),
                        event.declaredTeam(),
                        publishedAt,
                        eventId,
                        null,
                        null,
                        event.document()));
        ViewUpdates.apply(
                mongo,
                ContractIndex.class,
                event.productId(),
                index -> index.version() >= sequence,
                index -> {
                    if (event.deprecatedMajor() != null) {
                        deprecateMajor(event.productId(), index.versions(), event.deprecatedMajor(), event.sunsetAt());
                    }
                    List<String> versions = new ArrayList<>(index.versions());
                    versions.add(event.contractVersion());
                    return new ContractIndex(index.productId(), versions, sequence);
                },
                index -> ViewUpdates.unchanged(index.productId(), index.version()));
    }

    @EventHandler
    void on(ContractVersionDeprecated event, EventMessage<?> message) {
        ContractVersionRecord record = mongo.findById(
                ContractVersionRecord.idOf(event.productId(), event.contractVersion()), ContractVersionRecord.class);
        if (record != null) {
            mongo.save(record.deprecated(event.sunsetAt(), event.reason()));
        }
        ProductEvents.advanceVersion(mongo, ContractIndex.class, message);
    }

    /** Events that do not change this view still move its version. */
    @EventHandler
    void on(Object unchanged, EventMessage<?> message) {
        ProductEvents.advanceVersion(mongo, ContractIndex.class, message);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ContractIndex.class);
        mongo.dropCollection(ContractVersionRecord.class);
    }

    /** Events recorded before publication named the schema are judged here, by the same bundled schemas. */
    private static String validatedAgainst(ContractVersionPublished event) {
        if (event.validatedAgainst() != null) {
            return event.validatedAgainst();
        }
        try {
            return OdcsSchemas.validatedAgainst(YAML.readTree(event.document())).orElse(null);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    /** Setting the same sunset twice is setting it once. */
    private void deprecateMajor(String productId, List<String> versions, int major, Instant sunsetAt) {
        for (String version : versions) {
            if (version.startsWith(major + ".")) {
                ContractVersionRecord record =
                        mongo.findById(ContractVersionRecord.idOf(productId, version), ContractVersionRecord.class);
                if (record != null && record.sunsetAt() == null) {
                    mongo.save(record.deprecated(sunsetAt, "superseded by a new major"));
                }
            }
        }
    }
}
