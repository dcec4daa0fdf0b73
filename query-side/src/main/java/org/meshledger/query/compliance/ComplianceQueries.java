package org.meshledger.query.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.query.slo.HourlyCounts;
import org.meshledger.query.support.KeptMesh;
import org.meshledger.query.support.ProductDocuments;
import org.meshledger.query.support.ProductEventsSeen;
import org.meshledger.query.support.ViewCaches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Compliance judged at the query's "now" from the stored hourly counts: one document per product is read, however
 * many observations it has had. Retired products are not judged. The mesh-wide judgements read the records kept in
 * memory ({@link KeptMesh}), each with the few hours that judge the same within the current hour.
 */
@Component
public class ComplianceQueries {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final double threshold;
    private final KeptMesh<ComplianceRecord, KeptRecord> kept;

    ComplianceQueries(
            MongoTemplate mongo,
            Clock clock,
            ViewCaches caches,
            @Value("${meshledger.compliance.threshold:0.90}") double threshold) {
        this.mongo = mongo;
        this.clock = clock;
        this.threshold = threshold;
        this.kept = caches.ofMesh(
                ComplianceProjection.NAME,
                new KeptRecords(new ProductDocuments<>(
                        mongo, ComplianceRecord.class, ComplianceRecord::productId, ComplianceRecord::version)));
    }

    public Optional<ProductCompliance> product(String productId) {
        return Optional.ofNullable(mongo.findById(productId, ComplianceRecord.class))
                .map(record -> ComplianceJudge.judge(record, clock.instant()));
    }

    /**
     * What a product's page shows of its compliance, from one read of its record: the judgement, each SLO's
     * observations per period of its window, and when each deprecated major sunsets (keyed by the major).
     */
    public Optional<ProductDetail> detail(String productId) {
        return Optional.ofNullable(mongo.findById(productId, ComplianceRecord.class))
                .map(record -> {
                    Instant now = clock.instant();
                    Map<Integer, Instant> sunsets = new TreeMap<>();
                    record.sunsets().forEach((major, sunset) -> sunsets.put(Integer.valueOf(major), sunset));
                    List<SloHistory> history = record.slos().entrySet().stream()
                            .map(slo -> SloHistory.of(slo.getKey(), slo.getValue(), now))
                            .toList();
                    return new ProductDetail(ComplianceJudge.judge(record, now), history, sunsets);
                });
    }

    public record ProductDetail(
            ProductCompliance compliance, List<SloHistory> history, Map<Integer, Instant> majorSunsets) {}

    public Rollup domain(String domain) {
        List<ProductCompliance> judged =
                judge(new Query(Criteria.where("domain").is(domain)), domain);
        return Rollup.of(domain, threshold, judged, null);
    }

    public Rollup mesh() {
        return mesh(allProducts());
    }

    /** The mesh-wide rollup of products already judged, so that it agrees with them exactly. */
    public Rollup mesh(List<ProductCompliance> judged) {
        Map<String, List<ProductCompliance>> byDomain = judged.stream()
                .collect(Collectors.groupingBy(ProductCompliance::domain, TreeMap::new, Collectors.toList()));
        List<Rollup> domains = byDomain.entrySet().stream()
                .map(entry -> Rollup.of(entry.getKey(), threshold, entry.getValue(), null))
                .toList();
        return Rollup.of(null, threshold, judged, domains);
    }

    /** Every judged product, for the metrics endpoint. */
    public List<ProductCompliance> allProducts() {
        return judge(new Query(), null);
    }

    private List<ProductCompliance> judge(Query query, String domain) {
        Instant now = clock.instant();
        List<ComplianceRecord> records = kept.documents(now)
                .map(keptRecords -> keptRecords.stream()
                        .map(KeptRecord::record)
                        .filter(record -> domain == null || domain.equals(record.domain()))
                        .toList())
                .orElseGet(() -> mongo.find(query, ComplianceRecord.class));
        return records.stream()
                .filter(record -> record.status() != ProductStatus.RETIRED)
                .map(record -> ComplianceJudge.judge(record, now))
                .toList();
    }

    /** A record with the hours that judge it within {@code hour}, which it answers for. */
    record KeptRecord(ComplianceRecord record, long hour) {}

    private record KeptRecords(ProductDocuments<ComplianceRecord> stored)
            implements KeptMesh.Source<ComplianceRecord, KeptRecord> {

        @Override
        public List<ComplianceRecord> all() {
            return stored.all();
        }

        @Override
        public List<ComplianceRecord> byIds(Collection<String> productIds) {
            return stored.byIds(productIds);
        }

        @Override
        public String idOf(ComplianceRecord record) {
            return record.productId();
        }

        @Override
        public KeptRecord kept(ComplianceRecord record, Instant now) {
            return new KeptRecord(record.compactedFor(now), HourlyCounts.hourOf(now));
        }

        @Override
        public boolean holdsSeen(KeptRecord kept, ProductEventsSeen seen) {
            ComplianceRecord record = kept.record();
            return record.version() >= seen.lastProductEvent(record.productId())
                    && record.observationVersion() >= seen.lastObservation(record.productId());
        }

        @Override
        public boolean answersAt(KeptRecord kept, Instant now) {
            return kept.hour() == HourlyCounts.hourOf(now);
        }
    }
}
