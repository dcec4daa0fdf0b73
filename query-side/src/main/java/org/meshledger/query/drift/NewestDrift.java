package org.meshledger.query.drift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.meshledger.query.drift.DriftKind.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which drift entries are the newest, of the mesh and of each product, and the recent entries' severities, kept in
 * memory and followed by cursor ({@link DriftStreamReader}): the pages that show the newest entries and last week's
 * counts read a few entries by id instead of sorting and counting the whole timeline. Entries never change once
 * stored (a replay rebuilds each under its cursor), so what is kept stays true; a cursor handed out but not yet stored
 * is waited for, so none is passed over.
 */
@Component
class NewestDrift {

    /** Entries are newest first by business time, then by cursor, as the timeline is read. */
    record Key(Instant at, long cursor) {

        static final Comparator<Key> NEWEST_FIRST =
                Comparator.comparing(Key::at).thenComparingLong(Key::cursor).reversed();
    }

    /** What is kept of an entry for counting by severity. */
    private record Recent(Instant at, Severity severity, Instant escalatesAt) {

        Severity severityAt(Instant now) {
            boolean escalated = escalatesAt != null && !now.isBefore(escalatesAt);
            return escalated ? Severity.CRITICAL : severity;
        }
    }

    /** The newest entries' keys, and the cursor up to which every entry is known: a live feed continues from it. */
    record Newest(List<Key> keys, long cursor) {}

    private final DriftStreamReader reader;
    private final Clock clock;
    private final int kept;
    private final Duration recentFor;
    private final Map<String, TreeSet<Key>> byProduct = new HashMap<>();
    private final TreeSet<Key> mesh = new TreeSet<>(Key.NEWEST_FIRST);
    private final List<Recent> recent = new ArrayList<>();
    private DriftStreamReader.Position position;
    private long cursor;

    @Autowired
    NewestDrift(DriftStreamReader reader, Clock clock) {
        this(reader, clock, 20, Duration.ofDays(8));
    }

    NewestDrift(DriftStreamReader reader, Clock clock, int kept, Duration recentFor) {
        this.reader = reader;
        this.clock = clock;
        this.kept = kept;
        this.recentFor = recentFor;
    }

    /** Up to {@code count} newest entries of the product (of the mesh when null); at most as many as are kept. */
    synchronized Newest newest(String productId, int count) {
        followed();
        TreeSet<Key> keys = productId == null ? mesh : byProduct.getOrDefault(productId, new TreeSet<>());
        return new Newest(keys.stream().limit(Math.min(count, kept)).toList(), cursor);
    }

    /** How many entries from {@code since} have each severity at {@code now}; null when {@code since} is not kept. */
    synchronized Map<Severity, Long> countsBySeverity(Instant since, Instant now) {
        followed();
        if (since.isBefore(clock.instant().minus(recentFor))) {
            return null;
        }
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        for (Recent entry : recent) {
            if (!entry.at().isBefore(since)) {
                counts.merge(entry.severityAt(now), 1L, Long::sum);
            }
        }
        return counts;
    }

    private void followed() {
        if (position == null) {
            position = reader.from(0);
        }
        List<DriftEntry> stored;
        do {
            stored = reader.next(position);
            stored.forEach(this::add);
            cursor = position.after();
        } while (!stored.isEmpty());
        Instant oldest = clock.instant().minus(recentFor);
        recent.removeIf(entry -> entry.at().isBefore(oldest));
    }

    private void add(DriftEntry entry) {
        Key key = new Key(entry.at(), entry.cursor());
        keep(mesh, key);
        keep(byProduct.computeIfAbsent(entry.productId(), product -> new TreeSet<>(Key.NEWEST_FIRST)), key);
        if (!entry.at().isBefore(clock.instant().minus(recentFor))) {
            recent.add(new Recent(entry.at(), entry.severity(), entry.escalatesAt()));
        }
    }

    private void keep(TreeSet<Key> newest, Key key) {
        newest.add(key);
        if (newest.size() > kept) {
            Iterator<Key> oldest = newest.descendingIterator();
            oldest.next();
            oldest.remove();
        }
    }
}
