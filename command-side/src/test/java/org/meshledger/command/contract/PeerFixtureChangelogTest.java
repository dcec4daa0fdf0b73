package org.meshledger.command.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meshledger.api.contract.CompatibilityCheck;
import org.meshledger.api.contract.ContractTree;
import org.meshledger.api.contract.ContractVerdict;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.Compatibility.Direction;
import org.meshledger.api.model.ContractChange;

/** Checked against work nobody here wrote: datacontract-cli's contract pair and its golden changelog. */
class PeerFixtureChangelogTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "peer-fixtures", "datacontract-cli-changelog");

    @Test
    void givenThePeerPair_whenJudgedUnderFull_thenExactlyTheThreeBreakingChangesAndAMajorBump() throws IOException {
        ContractVerdict verdict = verdict(Compatibility.FULL);
        assertThat(verdict.bump()).isEqualTo(Bump.MAJOR);
        assertThat(verdict.breakingChanges())
                .extracting(BreakingChange::path, BreakingChange::rule, BreakingChange::directions)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "schema.orders.properties.customer_id", "PROPERTY_REMOVED", Set.of(Direction.FORWARD)),
                        org.assertj.core.groups.Tuple.tuple(
                                "schema.orders.properties.order_date",
                                "TYPE_CHANGED",
                                Set.of(Direction.BACKWARD, Direction.FORWARD)),
                        org.assertj.core.groups.Tuple.tuple(
                                "schema.orders.properties.total_amount",
                                "OPTIONAL_TO_REQUIRED",
                                Set.of(Direction.BACKWARD)));
    }

    @Test
    void givenThePeerPair_thenTheChangeSetAgreesWithTheGoldenChangelogOnEverySchemaAndSlaPath() throws IOException {
        Map<String, String[]> golden = goldenChangelog();
        Map<String, ContractChange> ours = new LinkedHashMap<>();
        verdict(Compatibility.FULL).changes().forEach(change -> ours.put(change.path(), change));
        golden.keySet().removeIf(path -> !path.startsWith("schema") && !path.startsWith("slaProperties"));
        assertThat(golden).as("every schema and SLA row of the golden table").hasSize(40);
        assertThat(ours.keySet()).containsAll(golden.keySet());
        golden.forEach((path, row) -> {
            ContractChange change = ours.get(path);
            assertThat(change.kind().name()).as(path).isEqualToIgnoringCase(row[0]);
            assertThat(text(change.oldValue())).as("old value of " + path).isEqualToIgnoringCase(row[1]);
            assertThat(text(change.newValue())).as("new value of " + path).isEqualToIgnoringCase(row[2]);
        });
        assertThat(ours.get("slaProperties.availability.value").breaking())
                .as("SLA changes never break")
                .isFalse();
        assertThat(ours.get("schema.orders.properties.order_date.logicalType").breaking())
                .isTrue();
        assertThat(ours.get("schema.customers").breaking())
                .as("a new object breaks nothing")
                .isFalse();
    }

    @Test
    void givenThePeerPair_whenJudgedUnderNone_thenNothingBreaksAndAMinorBumpSuffices() throws IOException {
        ContractVerdict verdict = verdict(Compatibility.NONE);
        assertThat(verdict.breakingChanges()).isEmpty();
        assertThat(verdict.bump()).isEqualTo(Bump.MINOR);
    }

    private static ContractVerdict verdict(Compatibility mode) throws IOException {
        Map<String, Object> v1 = ContractTree.of(OdcsDocuments.parse(read("changelog_integration_v1.yaml")));
        Map<String, Object> v2 = ContractTree.of(OdcsDocuments.parse(read("changelog_integration_v2.yaml")));
        return CompatibilityCheck.judge(List.of(v1), v2, mode);
    }

    /** The golden "Details" table: path → {change, old, new}, wrapped cells joined. */
    private static Map<String, String[]> goldenChangelog() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURES.resolve("golden_changelog_text.txt"));
        int details = lines.indexOf("Details");
        Map<String, String[]> rows = new LinkedHashMap<>();
        String[] current = null;
        for (String line : lines.subList(details + 1, lines.size())) {
            if (!line.startsWith("│")) {
                continue;
            }
            String[] cells = line.split("│", -1);
            List<String> cell = new ArrayList<>();
            for (int index = 1; index < cells.length - 1; index++) {
                cell.add(cells[index].trim());
            }
            if (cell.get(0).equals("Change")) {
                continue;
            }
            if (!cell.get(0).isEmpty()) {
                current = new String[] {cell.get(0), cell.get(2), cell.get(3)};
                rows.put(cell.get(1), current);
            } else if (current != null) {
                current[1] = (current[1] + " " + cell.get(2)).trim();
                current[2] = (current[2] + " " + cell.get(3)).trim();
            }
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null
                ? ""
                : value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static String read(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name));
    }
}
