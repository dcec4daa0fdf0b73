package org.meshledger.query.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.meshledger.query.compliance.Rollup;

/**
 * The order of the overview's domain table, from {@code ?sort=domain|products|rate&order=asc|desc}: an unknown
 * column is the domain's name, so a mistyped bookmark still shows the table.
 */
public record DomainOrder(Column column, boolean descending) {

    public enum Column {
        DOMAIN(Comparator.comparing(Rollup::domain)),
        PRODUCTS(Comparator.comparingLong(Rollup::productsTotal)),
        // a domain with nothing to judge has no rate: it sorts last either way
        RATE(Comparator.comparing(Rollup::complianceRate, Comparator.nullsFirst(Comparator.naturalOrder())));

        private final Comparator<Rollup> comparator;

        Column(Comparator<Rollup> comparator) {
            this.comparator = comparator;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static DomainOrder of(String sort, String order) {
        Column column = Column.DOMAIN;
        for (Column candidate : Column.values()) {
            if (candidate.param().equals(sort)) {
                column = candidate;
            }
        }
        return new DomainOrder(column, "desc".equals(order));
    }

    List<Rollup> sorted(List<Rollup> domains) {
        Comparator<Rollup> comparator = descending ? column.comparator.reversed() : column.comparator;
        return domains.stream()
                .sorted(Comparator.comparing(
                                (Rollup domain) -> domain.complianceRate() == null && column == Column.RATE)
                        .thenComparing(comparator))
                .toList();
    }

    /** The link a column's header carries: this column again reverses the order, another one starts ascending. */
    public String linkFor(String param) {
        boolean reverse = column.param().equals(param) && !descending;
        return "/ui/?sort=" + param + "&order=" + (reverse ? "desc" : "asc");
    }

    /** {@code aria-sort} for a column's header: only the sorted column has one. */
    public String ariaSortOf(String param) {
        if (!column.param().equals(param)) {
            return null;
        }
        return descending ? "descending" : "ascending";
    }
}
