package org.meshledger.faults;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latest.json}: the mode and each scenario's figures; {@code latest.txt}: the same as a table, with what each
 * scenario noted and any problem found.
 */
final class FaultReport {

    private FaultReport() {}

    static String write(Path results, String mode, List<ScenarioResult> scenarios) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode);
        json.put(
                "scenarios",
                scenarios.stream()
                        .map(scenario -> {
                            Map<String, Object> figures = new LinkedHashMap<>();
                            figures.put("name", scenario.name());
                            figures.put("acknowledged", scenario.acknowledged());
                            figures.put("lost", scenario.lost());
                            figures.put("duplicated", scenario.duplicated());
                            figures.put("recovered_s", Math.round(scenario.recoveredSeconds() * 100) / 100.0);
                            return figures;
                        })
                        .toList());
        Files.writeString(
                results.resolve("latest.json"),
                LedgerCalls.JSON
                                .copy()
                                .enable(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(json)
                        + System.lineSeparator());
        StringBuilder table = new StringBuilder("mode: " + mode + System.lineSeparator());
        table.append("%-34s %12s %6s %10s %12s   %s%n"
                .formatted("scenario", "acknowledged", "lost", "duplicated", "recovered_s", "verdict"));
        for (ScenarioResult scenario : scenarios) {
            table.append("%-34s %12d %6d %10d %12.2f   %s%n"
                    .formatted(
                            scenario.name(),
                            scenario.acknowledged(),
                            scenario.lost(),
                            scenario.duplicated(),
                            scenario.recoveredSeconds(),
                            scenario.passed() ? "pass" : "FAIL"));
        }
        for (ScenarioResult scenario : scenarios) {
            table.append(System.lineSeparator())
                    .append(scenario.name())
                    .append(':')
                    .append(System.lineSeparator());
            scenario.notes().forEach(note -> table.append("  ").append(note).append(System.lineSeparator()));
            scenario.problems().stream().limit(20).forEach(problem -> table.append("  PROBLEM ")
                    .append(problem)
                    .append(System.lineSeparator()));
        }
        Files.writeString(results.resolve("latest.txt"), table.toString());
        return table.toString();
    }
}
