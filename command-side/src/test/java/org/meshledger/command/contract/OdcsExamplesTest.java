package org.meshledger.command.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.meshledger.api.model.Compatibility;

/** The standard's own examples are read, and a version compared with itself changes nothing. */
class OdcsExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "..", "shared", "odcs", "examples");

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

    @Test
    void givenTheExamples_thenThereAreSome() throws IOException {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(15);
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
