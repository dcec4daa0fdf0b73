package org.meshledger.query.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.meshledger.api.model.ProductStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Compliance judged at the query's "now" from the stored hourly counts: one document per product is read, however
 * many observations it has had. Retired products are not judged.
 */
@Component
public class ComplianceQueries {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final double threshold;

    ComplianceQueries(
            MongoTemplate mongo, Clock clock, @Value("${meshledger.compliance.threshold:0.90}") double threshold) {
        this.mongo = mongo;
        this.clock = clock;
        this.threshold = threshold;
    }

    public Optional<ProductCompliance> product(String productId) {
        return Optional.ofNullable(mongo.findById(productId, ComplianceRecord.class))
                .map(record -> ComplianceJudge.judge(record, clock.instant()));
    }

    /** When each deprecated major sunsets (the earliest date set for it), keyed by the major. */
    public Map<Integer, Instant> majorSunsets(String productId) {
        ComplianceRecord record = mongo.findById(productId, ComplianceRecord.class);
        Map<Integer, Instant> sunsets = new TreeMap<>();
        if (record != null) {
            record.sunsets().forEach((major, sunset) -> sunsets.put(Integer.valueOf(major), sunset));
        }
        return sunsets;
    }

    /** Each SLO's observations per period of its window, oldest first: what the product page charts. */
    public List<SloHistory> history(String productId) {
        ComplianceRecord record = mongo.findById(productId, ComplianceRecord.class);
        if (record == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return record.slos().entrySet().stream()
                .map(slo -> SloHistory.of(slo.getKey(), slo.getValue(), now))
                .toList();
    }

    public Rollup domain(String domain) {
        List<ProductCompliance> judged =
                judge(new Query(Criteria.where("domain").is(domain)));
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
        return judge(new Query());
    }

    private List<ProductCompliance> judge(Query query) {
        return mongo.find(query, ComplianceRecord.class).stream()
                .filter(record -> record.status() != ProductStatus.RETIRED)
                .map(record -> ComplianceJudge.judge(record, clock.instant()))
                .toList();
    }
}
