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
