package org.meshledger.command.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.meshledger.api.contract.CompatibilityCheck;
import org.meshledger.api.contract.ContractTree;
import org.meshledger.api.contract.ContractVerdict;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;

/** Each kind of change, judged under each mode: what a producer's CI learns before deploying a schema change. */
class CompatibilityModesTest {

    private static final String BASE =
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: orders
            status: active
            version: 1.0.0
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: string
                    required: true
                  - name: status
                    logicalType: string
                    required: true
                    logicalTypeOptions:
                      maxLength: 20
                      enum: [OPEN, SHIPPED]
                  - name: note
                    logicalType: string
                    required: false
            """;

    /** case, change, breaks under BACKWARD, FORWARD, FULL, NONE */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("add an optional property", addProperty("region", false), false, false, false),
                row("add a required property", addProperty("region", true), true, false, true),
                row("remove an optional property", text -> remove(text, "note"), false, true, true),
                row("remove a required property", text -> remove(text, "order_id"), false, true, true),
                row(
                        "change a type",
                        text -> text.replace(
                                "name: order_id\n        logicalType: string",
                                "name: order_id\n        logicalType: integer"),
                        true,
                        true,
                        true),
                row(
                        "required to optional",
                        text -> text.replace(
                                "name: order_id\n        logicalType: string\n        required: true",
                                "name: order_id\n        logicalType: string\n        required: false"),
                        false,
                        true,
                        true),
                row(
                        "optional to required",
                        text -> text.replace("required: false", "required: true"),
                        true,
                        false,
                        true),
                row("remove an enum value", text -> text.replace("[OPEN, SHIPPED]", "[OPEN]"), true, false, true),
                row(
                        "add an enum value",
                        text -> text.replace("[OPEN, SHIPPED]", "[OPEN, SHIPPED, LOST]"),
                        false,
                        true,
                        true),
                row("tighten maxLength", text -> text.replace("maxLength: 20", "maxLength: 10"), true, false, true),
                row("loosen maxLength", text -> text.replace("maxLength: 20", "maxLength: 40"), false, true, true),
                row(
                        "add a quality rule",
                        text -> text.replace(
                                "        required: false\n",
                                "        required: false\n        quality:\n          - name: note_filled\n"
                                        + "            metric: nullValues\n            mustBeLessThan: 5\n"),
                        true,
                        false,
                        true),
                row(
                        "edit a description",
                        text -> text.replace("name: note\n", "name: note\n        description: Free text\n"),
                        false,
                        false,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenAChange_whenJudgedUnderEachMode_thenBreakingAsTheDirectionsSay(
            String name, UnaryOperator<String> change, boolean backward, boolean forward, boolean full) {
        Map<String, Object> before = tree(BASE);
        Map<String, Object> after = tree(change.apply(BASE).replace("version: 1.0.0", "version: 1.1.0"));
        assertThat(breaks(before, after, Compatibility.BACKWARD)).as("BACKWARD").isEqualTo(backward);
        assertThat(breaks(before, after, Compatibility.FORWARD)).as("FORWARD").isEqualTo(forward);
        assertThat(breaks(before, after, Compatibility.FULL)).as("FULL").isEqualTo(full);
        assertThat(breaks(before, after, Compatibility.NONE))
                .as("NONE refuses nothing")
                .isFalse();
        ContractVerdict verdict = CompatibilityCheck.judge(List.of(before), after, Compatibility.FULL);
        assertThat(verdict.changes()).as("every change is in the change set").isNotEmpty();
        if (full) {
            assertThat(verdict.bump()).isEqualTo(Bump.MAJOR);
            assertThat(verdict.breakingChanges())
                    .as("one entry for the one property")
                    .hasSize(1);
        }
    }

    @Test
    void givenAVersionThatTightensAgainstTheFirstButNotTheSecond_thenOnlyTheTransitiveModeRefusesIt() {
        Map<String, Object> v1 = tree(BASE);
        Map<String, Object> v2 =
                tree(BASE.replace("maxLength: 20", "maxLength: 10").replace("1.0.0", "2.0.0"));
        Map<String, Object> v3 = tree(BASE.replace("maxLength: 20", "maxLength: 10")
                .replace("1.0.0", "2.1.0")
                .replace("required: false", "required: false\n        description: now documented"));
        assertThat(CompatibilityCheck.judge(List.of(v1, v2), v3, Compatibility.BACKWARD)
                        .breakingChanges())
                .isEmpty();
        assertThat(CompatibilityCheck.judge(List.of(v1, v2), v3, Compatibility.BACKWARD_TRANSITIVE)
                        .breakingChanges())
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.path()).isEqualTo("schema.orders.properties.status");
                    assertThat(change.rule()).isEqualTo("MAXLENGTH_TIGHTENED");
                });
        assertThat(CompatibilityCheck.judge(List.of(v1, v2), v3, Compatibility.FULL_TRANSITIVE)
                        .breakingChanges())
                .hasSize(1);
        assertThat(CompatibilityCheck.judge(List.of(v1, v2), v3, Compatibility.FORWARD_TRANSITIVE)
                        .breakingChanges())
                .as("tightening never breaks consumers of the old version")
                .isEmpty();
    }

    private static boolean breaks(Map<String, Object> before, Map<String, Object> after, Compatibility mode) {
        return !CompatibilityCheck.judge(List.of(before), after, mode)
                .breakingChanges()
                .isEmpty();
    }

    private static Arguments row(
            String name, UnaryOperator<String> change, boolean backward, boolean forward, boolean full) {
        return Arguments.of(name, change, backward, forward, full);
    }

    private static UnaryOperator<String> addProperty(String name, boolean required) {
        return text -> text
                + "      - name: %s\n        logicalType: string\n        required: %s\n".formatted(name, required);
    }

    private static String remove(String text, String property) {
        int start = text.indexOf("      - name: " + property);
        int end = text.indexOf("      - name: ", start + 1);
        return text.substring(0, start) + (end < 0 ? "" : text.substring(end));
    }

    private static Map<String, Object> tree(String yaml) {
        return ContractTree.of(OdcsDocuments.parse(yaml));
    }
}
