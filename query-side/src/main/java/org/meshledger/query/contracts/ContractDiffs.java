package org.meshledger.query.contracts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meshledger.api.contract.CompatibilityCheck;
import org.meshledger.api.contract.ContractComparison;
import org.meshledger.api.contract.ContractTree;
import org.meshledger.api.contract.RuleExplanations;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.Compatibility.Direction;
import org.meshledger.api.model.ContractChange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The change set between any two of a product's contract versions, breaking changes explained, transitive ones too. */
@Component
public class ContractDiffs {

    /** Parsed versions by record id: a published version never changes, and parsing is most of a diff's time. */
    private final Cache<String, Map<String, Object>> trees;

    private final ContractVersionQueries queries;

    ContractDiffs(
            ContractVersionQueries queries, @Value("${meshledger.views.cache.contract-trees:2000}") long keptTrees) {
        this.queries = queries;
        this.trees = Caffeine.newBuilder().maximumSize(keptTrees).build();
    }

    /**
     * {@code from} and {@code to} are versions of {@code versions}; the one published first is the older side,
     * whichever order they come in.
     */
    public ContractVersionsDiff between(ContractVersions versions, String from, String to) {
        int first = versions.positionOf(from);
        int last = versions.positionOf(to);
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException("Both versions must be the product's: " + from + ", " + to);
        }
        List<String> span = versions.versions().subList(Math.min(first, last), Math.max(first, last) + 1).stream()
                .map(ContractVersionSummary::contractVersion)
                .toList();
        ContractComparison comparison = CompatibilityCheck.compare(parsed(versions.productId(), span));
        String older = span.get(0);
        String newer = span.get(span.size() - 1);
        List<FoundBreak> breaks = comparison.breaks().stream()
                .map(found -> new FoundBreak(
                        found.change().path(),
                        found.change().rule(),
                        found.change().directions(),
                        found.change().oldValue(),
                        found.change().newValue(),
                        found.against(),
                        !found.against().equals(older),
                        RuleExplanations.of(found.change().rule())))
                .toList();
        Compatibility mode = versions.find(newer).orElseThrow().compatibility();
        return new ContractVersionsDiff(versions.productId(), older, newer, mode, comparison.changes(), breaks);
    }

    /** The versions of {@code span} parsed, in its order; those not parsed before are read in one query. */
    private List<ContractComparison.Version> parsed(String productId, List<String> span) {
        Map<String, Map<String, Object>> found = new HashMap<>(trees.getAllPresent(span.stream()
                .map(version -> ContractVersionRecord.idOf(productId, version))
                .toList()));
        List<String> unparsed = span.stream()
                .filter(version -> !found.containsKey(ContractVersionRecord.idOf(productId, version)))
                .toList();
        if (!unparsed.isEmpty()) {
            queries.records(productId, unparsed).forEach(record -> {
                Map<String, Object> tree = ContractTree.of(ContractText.read(record.document()));
                trees.put(record.id(), tree);
                found.put(record.id(), tree);
            });
        }
        return span.stream()
                .map(version -> new ContractComparison.Version(
                        version, found.get(ContractVersionRecord.idOf(productId, version))))
                .toList();
    }

    /**
     * Everything that differs from {@code from} to {@code to}; {@code breakingChanges} holds the breaks of {@code to}
     * in either direction, whatever the product's mode, each against {@code from} or, when {@code transitive}, against
     * a version in between.
     */
    public record ContractVersionsDiff(
            String productId,
            String from,
            String to,
            Compatibility compatibility,
            List<ContractChange> changes,
            List<FoundBreak> breakingChanges) {}

    public record FoundBreak(
            String path,
            String rule,
            Set<Direction> directions,
            Object oldValue,
            Object newValue,
            String foundAgainst,
            boolean transitive,
            List<String> explanations) {

        /** BACKWARD before FORWARD, as the rules name them. */
        public List<Direction> sortedDirections() {
            return directions.stream().sorted().toList();
        }

        /** Whether the product's mode refuses this break without a new major. */
        public boolean enforcedUnder(Compatibility mode) {
            return directions.stream().anyMatch(mode::enforces) && (!transitive || mode.transitive());
        }
    }
}
