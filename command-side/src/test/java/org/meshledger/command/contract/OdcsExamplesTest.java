package org.meshledger.command.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meshledger.api.contract.CompatibilityCheck;
import org.meshledger.api.contract.ContractTree;
import org.meshledger.api.contract.ContractVerdict;
import org.meshledger.api.model.Compatibility;

/** The standard's own examples are read, and a version compared with itself changes nothing. */
class OdcsExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "..", "shared", "odcs", "examples");
    /** Upstream examples that declare v3.0.2 but use what only 3.1.0 allows. */
    private static final Set<String> MISLABELLED =
            Set.of("all-data-types.odcs.yaml", "column-completeness.odcs.yaml", "basic-four-dpo.odcs.yaml");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void givenAnOfficialExample_whenRead_thenItIsAcceptedAndEqualToItself(Path example) throws IOException {
        Map<String, Object> tree = ContractTree.of(OdcsDocuments.parse(Files.readString(example)));
        ContractVerdict verdict = CompatibilityCheck.judge(List.of(tree), tree, Compatibility.FULL_TRANSITIVE);
        assertThat(verdict.changes()).isEmpty();
        assertThat(verdict.breakingChanges()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void givenAnOfficialExample_whenJudged_thenValidatedAgainstItsDeclaredSchemaUnlessItUsesWhatOnly310Allows(
            Path example) throws IOException {
        JsonNode document = OdcsDocuments.parse(Files.readString(example));
        String declared = document.get("apiVersion").asText();
        String expected = MISLABELLED.contains(example.getFileName().toString()) || declared.equals("v3.1.0")
                ? "v3.1.0"
                : "v3.0.2";
        assertThat(OdcsDocuments.validatedAgainst(document)).isEqualTo(expected);
    }

    @Test
    void givenTheExamples_thenAllEighteenAreRead() throws IOException {
        assertThat(examples()).hasSize(18);
    }

    @Test
    void givenADocumentThatNoOdcsSchemaAccepts_thenRefusedNamingWhereAndUnderWhichSchema() {
        JsonNode document = OdcsDocuments.parse(
                """
                apiVersion: v3.1.0
                kind: DataContract
                id: x
                status: active
                version: 1.0.0
                schema:
                  - name: orders
                    properties:
                      - name: id
                        logicalType: uuid
                """);
        assertThatThrownBy(() -> OdcsDocuments.validatedAgainst(document))
                .isInstanceOfSatisfying(InvalidContract.class, refused -> assertThat(refused.errors())
                        .anySatisfy(error -> {
                            assertThat(error.field()).isEqualTo("/schema/0/properties/0/logicalType");
                            assertThat(error.message()).endsWith("(ODCS v3.1.0 JSON Schema)");
                        }));
    }

    @Test
    void givenDocumentsThatAreNotOdcs_thenRefusedNamingTheField() {
        assertThatThrownBy(() -> OdcsDocuments.parse("key: [unclosed"))
                .isInstanceOfSatisfying(InvalidContract.class, refused -> assertThat(
                                refused.errors().get(0).message())
                        .startsWith("is not well-formed YAML or JSON"));
        assertThatThrownBy(() -> OdcsDocuments.parse("{\"hello\": \"world\"}"))
                .isInstanceOfSatisfying(InvalidContract.class, refused -> assertThat(refused.errors())
                        .extracting(error -> error.field())
                        .contains("/apiVersion", "/id", "/status", "/kind", "/version"));
        assertThatThrownBy(() -> OdcsDocuments.parse(
                        "apiVersion: v2.2.2\nkind: DataContract\nid: x\nstatus: active\nversion: 1.0.0\n"))
                .isInstanceOfSatisfying(InvalidContract.class, refused -> assertThat(refused.errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("/apiVersion")));
    }
}
