package org.meshledger.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** Product writes answer with the product's version as an ETag; If-Match asks for that version. */
public final class Answers {

    private Answers() {}

    public static <T> ResponseEntity<T> withVersion(HttpStatus status, long version, T body) {
        return ResponseEntity.status(status).eTag(etag(version)).body(body);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when there is none. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "If-Match must name one product version, such as \"3\"");
    }
}
