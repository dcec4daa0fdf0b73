package org.meshledger.query.compliance;

import java.util.List;

/**
 * The share of compliant products against the threshold. {@code domain} is null for the mesh-wide rollup, which
 * lists its domains; {@code complianceRate} is null and the status NO_DATA when there is no product to judge.
 */
public record Rollup(
        String domain,
        double threshold,
        long productsTotal,
        long productsCompliant,
        Double complianceRate,
        String status,
        List<Rollup> domains) {

    static Rollup of(String domain, double threshold, List<ProductCompliance> products, List<Rollup> domains) {
        long compliant = products.stream().filter(ProductCompliance::compliant).count();
        Double rate = products.isEmpty() ? null : (double) compliant / products.size();
        String status = rate == null ? "NO_DATA" : rate >= threshold ? "ABOVE_THRESHOLD" : "BELOW_THRESHOLD";
        return new Rollup(domain, threshold, products.size(), compliant, rate, status, domains);
    }
}
