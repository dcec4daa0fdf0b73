package org.meshledger.query.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.query.contracts.ContractVersionSummary;
import org.meshledger.query.contracts.ContractVersions;

class VersionRowTest {

    private final ContractVersions hundredVersions = versions(100);

    @Test
    void givenAHundredVersions_whenTheNewestPageIsShown_thenItEndsWithTheCurrentVersion() {
        ListPage<VersionRow> newest = VersionRow.newest(hundredVersions, 25);

        assertThat(newest.number()).isEqualTo(3);
        assertThat(newest.items()).hasSize(25);
        assertThat(newest.items().get(24).version().contractVersion()).isEqualTo("1.99.0");
        assertThat(newest.firstShown()).isEqualTo(76);
        assertThat(newest.hasNext()).isFalse();
        assertThat(newest.hasPrevious()).isTrue();
    }

    @Test
    void givenAPageAfterTheFirst_whenItsFirstRowIsCompared_thenAgainstTheVersionOnThePageBefore() {
        ListPage<VersionRow> second = VersionRow.page(hundredVersions, 25, 1);

        assertThat(second.items().get(0).version().contractVersion()).isEqualTo("1.25.0");
        assertThat(second.items().get(0).previous()).isEqualTo("1.24.0");
        assertThat(VersionRow.page(hundredVersions, 25, 0).items().get(0).previous())
                .as("the first version is compared with none")
                .isNull();
    }

    @Test
    void givenAPagePastTheLast_whenAsked_thenTheLastPage() {
        ListPage<VersionRow> past = VersionRow.page(versions(3), 25, 7);

        assertThat(past.number()).isZero();
        assertThat(past.pages()).isEqualTo(1);
        assertThat(past.items())
                .extracting(row -> row.version().contractVersion())
                .containsExactly("1.0.0", "1.1.0", "1.2.0");
    }

    private static ContractVersions versions(int count) {
        List<ContractVersionSummary> versions = IntStream.range(0, count)
                .mapToObj(minor -> new ContractVersionSummary(
                        "1." + minor + ".0",
                        "v3.1.0",
                        "v3.1.0",
                        Compatibility.BACKWARD,
                        minor == 0 ? null : Bump.MINOR,
                        List.of(),
                        List.of(),
                        null,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(minor),
                        null,
                        null,
                        "event-" + minor))
                .toList();
        return new ContractVersions("claims.a", "1." + (count - 1) + ".0", versions, count);
    }
}
