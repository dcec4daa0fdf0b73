package org.meshledger.command.contract;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.api.event.ContractVersionPublished;
import org.meshledger.api.model.Compatibility;

/**
 * Any text sent as a contract version: read as ODCS, validated by the official schema and judged against a published
 * version by the change-set engine, it is either accepted or refused as bad input ({@link InvalidContract}, or a
 * {@link RuleViolation} of the gate). Any other exception, a stack overflow or a hang would reach the caller as a 5xx.
 * The regression inputs beside this class run in every build; {@code docs/fuzzing.md} says how to fuzz for longer.
 */
class ContractJudgementFuzzTest {

    private static final Path PUBLISHED =
            Path.of("..", "..", "shared", "odcs", "examples", "fundamentals", "table-column-description.odcs.yaml");
    private static final ContractPolicy POLICY = new ContractPolicy(Duration.ofDays(30));
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final Map<Compatibility, PublishedContracts> ONE_VERSION_PUBLISHED =
            new EnumMap<>(Compatibility.class);

    @BeforeAll
    static void publishOneVersionInEachMode() throws IOException {
        String published = Files.readString(PUBLISHED);
        for (Compatibility mode : Compatibility.values()) {
            PublishedContracts contracts = new PublishedContracts();
            contracts.record(contracts.judge("claims.fuzzed", published, mode, NOW, POLICY));
            ONE_VERSION_PUBLISHED.put(mode, contracts);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anyDocument_isJudgedOrRefusedAsBadInput(byte[] input) {
        String document = new String(input, StandardCharsets.UTF_8);
        Compatibility mode = Compatibility.values()[input.length % Compatibility.values().length];
        judge(new PublishedContracts(), document, mode);
        judge(ONE_VERSION_PUBLISHED.get(mode), document, mode);
    }

    /** Judging never changes what was published; an accepted version is also read back as a replay reads it. */
    private static void judge(PublishedContracts contracts, String document, Compatibility mode) {
        ContractVersionPublished accepted;
        try {
            accepted = contracts.judge("claims.fuzzed", document, mode, NOW, POLICY);
        } catch (InvalidContract | RuleViolation refused) {
            return; // refused as bad input: a 4xx problem naming the rule
        }
        new PublishedContracts().record(accepted);
    }
}
