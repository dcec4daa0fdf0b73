package org.meshledger.command.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Documents built to exhaust a reader: each is refused as an invalid contract (a 400 problem), within a bound that
 * only a runaway parse could miss.
 */
class HostileContractInputTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void givenABillionLaughsYaml_whenRead_thenRefusedAsInvalidWithoutExpandingIt() {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [");
            for (int copy = 0; copy < 9; copy++) {
                bomb.append(copy == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
        }
        assertRefused(bomb.toString());
    }

    @Test
    void givenSequencesNestedTenThousandDeep_whenRead_thenRefusedWithoutOverflowingTheStack() {
        assertRefused("[".repeat(10_000) + "]".repeat(10_000));
    }

    @Test
    void givenMappingsNestedTenThousandDeep_whenRead_thenRefusedWithoutOverflowingTheStack() {
        assertRefused("{a: ".repeat(10_000) + "1" + "}".repeat(10_000));
    }

    @Test
    void givenJsonObjectsNestedTenThousandDeep_whenRead_thenRefusedWithoutOverflowingTheStack() {
        assertRefused("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
    }

    @Test
    void givenIndentedMappingsNestedAThousandDeep_whenRead_thenRefused() {
        StringBuilder nested = new StringBuilder();
        for (int depth = 0; depth < 1_000; depth++) {
            nested.append(" ".repeat(depth)).append("k:\n");
        }
        assertRefused(nested.append(" ".repeat(1_000)).append("v\n").toString());
    }

    private static void assertRefused(String document) {
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> OdcsDocuments.parse(document))
                .isInstanceOf(InvalidContract.class)
                .satisfies(refused -> assertThat(refused.getMessage()).isNotBlank()));
    }
}
