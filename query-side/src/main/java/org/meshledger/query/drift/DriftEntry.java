package org.meshledger.query.drift;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;
import org.meshledger.query.drift.DriftKind.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry on the drift timeline. Its id is its cursor: monotonic, given once when the entry is first stored and
 * kept across replays, so a live stream can resume after it. {@code entryKey} (source event and kind) is unique, so
 * an event delivered again finds its entry already there.
 */
@Document("drift_entries")
public record DriftEntry(
        @Id long cursor,
        @Indexed(unique = true) @JsonIgnore String entryKey,
        String productId,
        String domain,
        Instant at,
        DriftKind kind,
        Severity severity,
        String summary,
        Map<String, Object> details,
        String eventId,
        @JsonIgnore Instant escalatesAt) {

    /** The same entry under {@code cursor}: an entry's cursor is given when it is stored. */
    DriftEntry withCursor(long cursor) {
        return new DriftEntry(
                cursor, entryKey, productId, domain, at, kind, severity, summary, details, eventId, escalatesAt);
    }

    /** The entry as it stands at {@code now}: a warning whose deadline has passed is critical. */
    public DriftEntry asOf(Instant now) {
        if (escalatesAt == null || now.isBefore(escalatesAt) || severity == Severity.CRITICAL) {
            return this;
        }
        return new DriftEntry(
                cursor,
                entryKey,
                productId,
                domain,
                at,
                kind,
                Severity.CRITICAL,
                summary,
                details,
                eventId,
                escalatesAt);
    }
}
