package org.meshledger.query.console;

import java.util.List;
import org.meshledger.query.compliance.ProductCompliance;
import org.meshledger.query.ownershiphistory.OwnershipExceptions;
import org.meshledger.query.ownershiphistory.OwnershipExceptions.OwnedProduct;
import org.meshledger.query.slo.SloStatus;

/**
 * What governance should look at first: SLOs breaching now, consumers still on a major past its sunset, products
 * whose owner team was retired, and products owned by a team of another domain. Each list shows its first
 * {@value #SHOWN}; its count says how many there are.
 */
public record NeedsAttention(
        Listing<BreachingSlo> breaching,
        Listing<PastSunset> pastSunset,
        Listing<OwnedProduct> orphaned,
        Listing<OwnedProduct> outsideDomain) {

    static final int SHOWN = 10;

    static NeedsAttention of(List<ProductCompliance> judged, OwnershipExceptions exceptions) {
        List<BreachingSlo> breaching = judged.stream()
                .flatMap(product -> product.slos().stream()
                        .filter(slo -> slo.status() == SloStatus.BREACHING)
                        .map(slo -> new BreachingSlo(
                                product.productId(), slo.indicator(), slo.complianceRate(), slo.target())))
                .toList();
        List<PastSunset> pastSunset = judged.stream()
                .flatMap(product ->
                        product.consumersPastSunset().stream().map(team -> new PastSunset(product.productId(), team)))
                .toList();
        return new NeedsAttention(
                Listing.of(breaching),
                Listing.of(pastSunset),
                Listing.of(exceptions.orphaned()),
                Listing.of(exceptions.outsideDomain()));
    }

    public boolean isEmpty() {
        return breaching.total() + pastSunset.total() + orphaned.total() + outsideDomain.total() == 0;
    }

    public record BreachingSlo(String productId, String indicator, Double complianceRate, double target) {}

    public record PastSunset(String productId, String consumerTeam) {}

    /** The first items of a list, and how many it holds. */
    public record Listing<T>(List<T> shown, int total) {

        static <T> Listing<T> of(List<T> all) {
            return new Listing<>(all.stream().limit(SHOWN).toList(), all.size());
        }

        public int hidden() {
            return total - shown.size();
        }
    }
}
