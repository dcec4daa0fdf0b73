package org.meshledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meshledger.api.contract.ContractComparison.Break;
import org.meshledger.api.contract.ContractComparison.Version;
import org.meshledger.api.model.ContractChange;

/** Comparing any two published versions, as an auditor does on the console's contract diff. */
class ContractComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenALimitLoosenedThenTightenedBack_whenComparingFirstAndLast_thenTheBreakAgainstTheVersionBetweenIsListed() {
        Version first = version("1.0.0", 10, "string");
        Version between = version("1.1.0", 20, "string");
        Version last = version("2.0.0", 10, "string");

        ContractComparison comparison = CompatibilityCheck.compare(List.of(first, between, last));

        assertThat(comparison.changes()).extracting(ContractChange::path).containsExactly("version");
        assertThat(comparison.breaks())
                .extracting(
                        found -> found.change().path(), found -> found.change().rule(), Break::against)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "schema.orders.properties.status", "MAXLENGTH_TIGHTENED", "1.1.0"));
    }

    @Test
    void givenABreakBothDirectlyAndAgainstTheVersionBetween_whenComparing_thenItIsListedOnceAgainstTheFirst() {
        ContractComparison comparison = CompatibilityCheck.compare(
                List.of(version("1.0.0", 10, "string"), version("1.1.0", 10, "string"), version("2.0.0", 10, "date")));

        assertThat(comparison.breaks()).singleElement().satisfies(found -> {
            assertThat(found.change().rule()).isEqualTo("TYPE_CHANGED");
            assertThat(found.against()).isEqualTo("1.0.0");
        });
        assertThat(comparison.changes())
                .filteredOn(ContractChange::breaking)
                .extracting(ContractChange::path, ContractChange::oldValue, ContractChange::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "schema.orders.properties.status.logicalType", "string", "date"));
    }

    @Test
    void givenOneVersion_whenComparedWithItself_thenNothingChangedAndNothingBreaks() {
        ContractComparison comparison = CompatibilityCheck.compare(List.of(version("1.0.0", 10, "string")));

        assertThat(comparison.changes()).isEmpty();
        assertThat(comparison.breaks()).isEmpty();
    }

    @Test
    void givenBreakingRules_whenExplained_thenEachRuleReadsAsASentenceNamingWhomItBreaks() {
        assertThat(RuleExplanations.of("TYPE_CHANGED, OPTIONAL_TO_REQUIRED"))
                .containsExactly(
                        "The type changed: data already published may not fit the new contract, and consumers built"
                                + " on the old contract may fail on new data.",
                        "An optional property became required: data already published may not fit the new contract"
                                + " (nulls).");
        assertThat(RuleExplanations.of("MAXLENGTH_TIGHTENED"))
                .containsExactly(
                        "The limit maxLength is tighter: data already published may not fit the new contract.");
        assertThat(RuleExplanations.of("EXCLUSIVEMINIMUM_LOOSENED"))
                .containsExactly("The limit exclusiveMinimum is looser: consumers built on the old contract may fail on"
                        + " new data.");
    }

    private static Version version(String label, int maxLength, String type) {
        String document =
                """
                {"apiVersion": "v3.1.0", "kind": "DataContract", "id": "orders", "status": "active", "version": "%s",
                 "schema": [{"name": "orders", "properties": [
                   {"name": "status", "logicalType": "%s", "required": true,
                    "logicalTypeOptions": {"maxLength": %d}}]}]}
                """
                        .formatted(label, type, maxLength);
        try {
            Map<String, Object> tree = ContractTree.of(JSON.readTree(document));
            return new Version(label, tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }
}
