package org.meshledger.query.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meshledger.api.model.ContractChange;
import org.meshledger.query.drift.SlaChanges.Verdict;

/** SLA properties compared in one unit, as ODCS v3 writes them: a value with a separate unit, or both in one string. */
class SlaChangesTest {

    @ParameterizedTest(name = "{0}: {1} {2} → {3} {4} is {5}")
    @CsvSource(
            nullValues = "-",
            value = {
                "latency, 1, d, 12, h, TIGHTENED",
                "latency, 1, h, 1, d, LOOSENED",
                "latency, 60, min, 1, h, UNCHANGED",
                "latency, 500ms, -, 2s, -, LOOSENED",
                "frequency, 1, d, 24, hours, UNCHANGED",
                "retention, 1, y, 6, months, LOOSENED",
                "retention, 30, d, 1, y, TIGHTENED",
                "availability, 99.9%, -, 99.5%, -, LOOSENED",
                "availability, 99.5, percent, 99.9, percent, TIGHTENED",
                "latency, 2, fortnights, 3, sprints, CHANGED",
                "latency, 1, d, 1, fortnight, CHANGED",
                "latency, 4, -, 4, d, CHANGED"
            })
    void givenTwoAmounts_whenJudged_thenComparedInOneUnit(
            String property, String before, String beforeUnit, String after, String afterUnit, Verdict verdict) {
        assertThat(SlaChanges.judge(property, amount(before, beforeUnit), amount(after, afterUnit)))
                .isEqualTo(verdict);
    }

    @ParameterizedTest(name = "unit alone {0} → {1} is {2}")
    @CsvSource({"d, h, TIGHTENED", "h, d, LOOSENED"})
    void givenOnlyTheUnitChanged_whenAVersionIsJudged_thenTheUnchangedValueIsReadFromTheDocument(
            String before, String after, Verdict verdict) {
        String document =
                """
                apiVersion: v3.1.0
                slaProperties:
                  - property: latency
                    value: 1
                    unit: %s
                """
                        .formatted(after);
        List<ContractChange> changes = List.of(
                new ContractChange("slaProperties.latency.unit", ContractChange.Kind.UPDATED, before, after, false));

        assertThat(SlaChanges.in(document, changes)).singleElement().satisfies(change -> {
            assertThat(change.verdict()).isEqualTo(verdict);
            assertThat(change.previous()).hasToString("1 " + before);
            assertThat(change.current()).hasToString("1 " + after);
        });
    }

    private static SlaAmount amount(String value, String unit) {
        Object parsed = value.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(value) : value;
        return new SlaAmount(parsed, unit);
    }
}
