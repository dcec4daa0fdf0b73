package org.meshledger.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code latest.json}: one flat object, the figures and nothing else; {@code latest.txt}: the same, readable. */
final class Report {

    private static final Map<String, String> TARGETS = Map.ofEntries(
            Map.entry("append_ratio", ">= 0.30"),
            Map.entry("catchup_ratio", ">= 0.50"),
            Map.entry("catchup_vs_extension", ">= 20"),
            Map.entry("lag_p50_ms", ""),
            Map.entry("lag_p99_ms", "<= 100"),
            Map.entry("load_flatness", "<= 1.5"),
            Map.entry("read_p99_ms", "<= 20"),
            Map.entry("ui_p95_ms", "<= 50"),
            Map.entry("ui_assets_kb", "<= 150"),
            Map.entry("growth", ">= 0.8"),
            Map.entry("notify_p99_ms", "<= 1000"),
            Map.entry("deliveries_per_s", ">= 500"),
            Map.entry("lost", "= 0"),
            Map.entry("duplicated", "= 0"));

    private Report() {}

    static void write(Path results, Map<String, Object> figures, Map<String, String> context) throws IOException {
        Files.writeString(
                results.resolve("latest.json"),
                Client.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures)
                        + System.lineSeparator());
        StringBuilder table = new StringBuilder();
        table.append("%-22s %12s   %s%n".formatted("figure", "value", "target"));
        for (Map.Entry<String, Object> figure : figures.entrySet()) {
            Object value = figure.getValue();
            String shown = value instanceof Double number ? "%.2f".formatted(number) : String.valueOf(value);
            table.append(
                    "%-22s %12s   %s%n".formatted(figure.getKey(), shown, TARGETS.getOrDefault(figure.getKey(), "")));
        }
        table.append(System.lineSeparator());
        for (Map.Entry<String, String> line : context.entrySet()) {
            table.append("%-46s %s%n".formatted(line.getKey(), line.getValue()));
        }
        Files.writeString(results.resolve("latest.txt"), table.toString());
        System.out.print(table);
    }
}
