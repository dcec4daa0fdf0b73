package org.meshledger.query.drift;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLA property's value with its unit, as ODCS v3 writes it: a number with a separate {@code unit} ({@code value: 4,
 * unit: d}), or both in the value ({@code "500ms"}, {@code "99.9%"}). Durations compare in milliseconds; a unit this
 * does not know compares with nothing.
 */
record SlaAmount(Object value, String unit) {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z%]*)\\s*$");
    private static final long SECOND = 1_000L;
    private static final long DAY = 86_400 * SECOND;
    private static final Map<String, Long> MILLIS = Map.ofEntries(
            Map.entry("ms", 1L),
            Map.entry("millisecond", 1L),
            Map.entry("milliseconds", 1L),
            Map.entry("s", SECOND),
            Map.entry("sec", SECOND),
            Map.entry("second", SECOND),
            Map.entry("seconds", SECOND),
            Map.entry("m", 60 * SECOND),
            Map.entry("min", 60 * SECOND),
            Map.entry("minute", 60 * SECOND),
            Map.entry("minutes", 60 * SECOND),
            Map.entry("h", 3_600 * SECOND),
            Map.entry("hr", 3_600 * SECOND),
            Map.entry("hour", 3_600 * SECOND),
            Map.entry("hours", 3_600 * SECOND),
            Map.entry("d", DAY),
            Map.entry("day", DAY),
            Map.entry("days", DAY),
            Map.entry("w", 7 * DAY),
            Map.entry("week", 7 * DAY),
            Map.entry("weeks", 7 * DAY),
            // calendar units at their usual lengths: a month of 30 days, a year of 365
            Map.entry("month", 30 * DAY),
            Map.entry("months", 30 * DAY),
            Map.entry("y", 365 * DAY),
            Map.entry("yr", 365 * DAY),
            Map.entry("year", 365 * DAY),
            Map.entry("years", 365 * DAY));

    /** How this compares with an earlier amount: negative if smaller; empty where the two cannot be compared. */
    Optional<Integer> compareTo(SlaAmount earlier) {
        Optional<Measure> now = measure();
        Optional<Measure> before = earlier.measure();
        if (now.isEmpty()
                || before.isEmpty()
                || !now.get().dimension().equals(before.get().dimension())) {
            return Optional.empty();
        }
        return Optional.of(now.get().amount().compareTo(before.get().amount()));
    }

    /** As a person writes it: {@code 12 h}, {@code 99.9%}. */
    @Override
    public String toString() {
        String written = value instanceof Number number
                ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
        return unit == null ? written : written + " " + unit;
    }

    /** A plain number and a percentage are one dimension: ODCS writes availability both ways. */
    private record Measure(BigDecimal amount, String dimension) {}

    private Optional<Measure> measure() {
        String written = value instanceof Number number ? new BigDecimal(number.toString()).toPlainString() : null;
        Matcher matcher = value == null ? null : NUMBER_AND_UNIT.matcher(written != null ? written : value.toString());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String named = matcher.group(2).isEmpty() ? unit : matcher.group(2);
        String lower = named == null ? "" : named.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("%") || lower.equals("percent")) {
            return Optional.of(new Measure(number, "ratio"));
        }
        Long millis = MILLIS.get(lower);
        return millis == null
                ? Optional.empty()
                : Optional.of(new Measure(number.multiply(BigDecimal.valueOf(millis)), "duration"));
    }
}
