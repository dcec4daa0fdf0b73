package org.meshledger.query.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.meshledger.api.model.Ids;

/**
 * A filter a person types or picks in a console form. One that does not fit is a message beside its field, and the
 * filter is left out; the page itself still answers.
 */
final class ConsoleFields {

    private ConsoleFields() {}

    /** A domain or team id: null when empty or malformed; a malformed one leaves its message in {@code problems}. */
    static String id(String name, String value, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (!id.matches(Ids.ID)) {
            problems.put(name, "An id is lower-case letters, digits and dashes, such as claims-core");
            return null;
        }
        return id;
    }

    /** One of an enum's values, any case: null when empty or unknown; an unknown one leaves its message. */
    static <E extends Enum<E>> E choice(String name, String value, Class<E> choices, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(choices, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.put(
                    name,
                    "Pick one of "
                            + Arrays.stream(choices.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    /** A page number from 0; anything else is the first page. */
    static int page(String value) {
        try {
            return Math.max(0, Integer.parseInt(value == null ? "0" : value.strip()));
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }
}
