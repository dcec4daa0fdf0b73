package org.meshledger.query.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meshledger.query.support.ViewCache;
import org.meshledger.query.support.ViewCaches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** A product's contract versions and their documents, read alike for the API and the console. */
@Component
public class ContractVersionQueries {

    private final MongoTemplate mongo;
    private final ViewCache<ContractVersions> kept;

    ContractVersionQueries(MongoTemplate mongo, ViewCaches caches) {
        this.mongo = mongo;
        this.kept = caches.of(ContractVersionsProjection.NAME, ContractVersions::version);
    }

    /** Empty when the product is unknown or has published no contract yet. */
    public Optional<ContractVersions> of(String productId) {
        // the index is read before the records: a deprecation saves its records before it moves the index's version
        return kept.currentOrRead(productId, () -> index(productId).map(this::versions));
    }

    /** The version's document, as stored unless another ODCS version is asked for; empty when no such version. */
    public Optional<String> document(String productId, String contractVersion, String apiVersion, boolean yaml) {
        return record(productId, contractVersion).map(record -> exported(record, apiVersion, yaml));
    }

    Optional<ContractIndex> index(String productId) {
        return Optional.ofNullable(mongo.findById(productId, ContractIndex.class));
    }

    Optional<ContractVersionRecord> record(String productId, String contractVersion) {
        return Optional.ofNullable(
                mongo.findById(ContractVersionRecord.idOf(productId, contractVersion), ContractVersionRecord.class));
    }

    /** The records of {@code contractVersions}, in the order given. */
    List<ContractVersionRecord> records(String productId, List<String> contractVersions) {
        return records(productId, contractVersions, true);
    }

    ContractVersions versions(ContractIndex index) {
        // the documents are what a product with a long past holds most of, and a summary shows none of them
        List<ContractVersionSummary> items = records(index.productId(), index.versions(), false).stream()
                .map(ContractVersionSummary::of)
                .toList();
        String current = index.versions().isEmpty()
                ? null
                : index.versions().get(index.versions().size() - 1);
        return new ContractVersions(index.productId(), current, items, index.version());
    }

    private List<ContractVersionRecord> records(
            String productId, List<String> contractVersions, boolean withDocuments) {
        List<String> ids = contractVersions.stream()
                .map(version -> ContractVersionRecord.idOf(productId, version))
                .toList();
        Query query = new Query(Criteria.where("_id").in(ids));
        if (!withDocuments) {
            query.fields().exclude("document");
        }
        Map<String, Integer> order = new HashMap<>();
        contractVersions.forEach(version -> order.putIfAbsent(version, order.size()));
        return mongo.find(query, ContractVersionRecord.class).stream()
                .sorted(Comparator.comparingInt(record -> order.get(record.contractVersion())))
                .toList();
    }

    private static String exported(ContractVersionRecord record, String apiVersion, boolean yaml) {
        JsonNode stored = ContractText.read(record.document());
        JsonNode wanted =
                apiVersion == null ? stored : ContractExport.as(stored, record.validatedAgainst(), apiVersion);
        return yaml ? ContractText.yaml(record.document(), stored, wanted) : ContractText.json(wanted);
    }
}
