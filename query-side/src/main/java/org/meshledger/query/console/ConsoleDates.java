package org.meshledger.query.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A date a person types into a console control: an ISO-8601 date ({@code 2026-03-15}, its start in UTC) or instant
 * ({@code 2026-03-15T00:00:00Z}). One that does not parse is a message beside its field, not an error page.
 */
final class ConsoleDates {

    private ConsoleDates() {}

    /** Null when empty or unreadable; an unreadable one leaves its message in {@code problems} under its name. */
    static Instant read(String name, String value, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            problems.put(name, "Write a date such as 2026-03-15 or an instant such as 2026-03-15T00:00:00Z");
            return null;
        }
    }
}
