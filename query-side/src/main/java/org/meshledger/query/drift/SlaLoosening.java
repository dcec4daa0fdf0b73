package org.meshledger.query.drift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meshledger.api.model.ContractChange;

/**
 * Finds the SLA properties a new contract version relaxes: availability 99.9% → 99.5%, latency 500ms → 2s, retention
 * shortened. Such a change breaks no schema, so it would pass silently; here it is drift.
 */
final class SlaLoosening {

    private static final Set<String> LOWER_IS_BETTER = Set.of(
            "latency", "responsetime", "frequency", "timetodetect", "timetoresolve", "timetonotify", "freshness");
    private static final Set<String> HIGHER_IS_BETTER =
            Set.of("availability", "uptime", "retention", "completeness", "throughput");
    private static final Pattern VALUE = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z%]*)\\s*$");
    private static final Map<String, Long> MILLIS = Map.ofEntries(
            Map.entry("ms", 1L),
            Map.entry("s", 1_000L),
            Map.entry("sec", 1_000L),
            Map.entry("m", 60_000L),
            Map.entry("min", 60_000L),
            Map.entry("h", 3_600_000L),
            Map.entry("d", 86_400_000L),
            Map.entry("day", 86_400_000L),
            Map.entry("days", 86_400_000L),
            Map.entry("w", 604_800_000L),
            Map.entry("y", 31_536_000_000L),
            Map.entry("year", 31_536_000_000L),
            Map.entry("years", 31_536_000_000L));

    record Loosened(String property, Object previous, Object current) {}

    private SlaLoosening() {}

    static List<Loosened> in(List<ContractChange> changes) {
        List<Loosened> loosened = new ArrayList<>();
        for (ContractChange change : changes) {
            String[] path = change.path().split("\\.");
            if (change.kind() != ContractChange.Kind.UPDATED
                    || path.length != 3
                    || !path[0].equals("slaProperties")
                    || !path[2].equals("value")) {
                continue;
            }
            String property = path[1].toLowerCase(Locale.ROOT);
            Optional<Integer> direction = compare(change.oldValue(), change.newValue());
            if (direction.isEmpty()) {
                continue;
            }
            boolean relaxed = LOWER_IS_BETTER.contains(property)
                    ? direction.get() > 0
                    : HIGHER_IS_BETTER.contains(property) && direction.get() < 0;
            if (relaxed) {
                loosened.add(new Loosened(path[1], change.oldValue(), change.newValue()));
            }
        }
        return loosened;
    }

    /** How the new value compares with the old, when both read as amounts in comparable units. */
    private static Optional<Integer> compare(Object previous, Object current) {
        Optional<BigDecimal> before = amount(previous);
        Optional<BigDecimal> after = amount(current);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(after.get().compareTo(before.get()));
    }

    private static Optional<BigDecimal> amount(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = VALUE.matcher(String.valueOf(value));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2).toLowerCase(Locale.ROOT);
        if (unit.isEmpty() || unit.equals("%")) {
            return Optional.of(number);
        }
        Long millis = MILLIS.get(unit);
        return millis == null ? Optional.empty() : Optional.of(number.multiply(BigDecimal.valueOf(millis)));
    }
}
