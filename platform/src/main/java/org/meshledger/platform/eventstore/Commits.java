package org.meshledger.platform.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/**
 * Judges a stored event by the commit it belongs to. A commit is one insert of one or more events; it becomes
 * visible only when every one of its events is stored, and never once any of its indexes holds a placeholder.
 */
final class Commits {

    enum Visibility {
        /** every event of the commit is stored: read it */
        VISIBLE,
        /** the commit is still being written, or its writer stopped half-way: wait, as for a gap */
        PENDING,
        /** a placeholder sits at the index or in its commit: there is no event here, and never will be */
        ABANDONED
    }

    private Commits() {}

    /** Adds to {@code found} the other members of every multi-event commit in it, so each can be judged whole. */
    static void completeWith(Map<Long, Document> found, Function<Collection<Long>, List<Document>> lookup) {
        complete(found, lookup, false);
    }

    /**
     * Adds to {@code found} the last member of every multi-event commit in it that lacks it. A writer inserts a commit
     * in index order, stopping at the first index it lost, and then turns what it stored into placeholders: so a
     * commit's last event is stored only once every one of them is, and none is ever taken back after. That one
     * document decides a commit whose other members are read later, as a stream's next batch reads them.
     */
    static void completeWithLastMembers(Map<Long, Document> found, Function<Collection<Long>, List<Document>> lookup) {
        complete(found, lookup, true);
    }

    static Visibility of(Document document, Map<Long, Document> found) {
        return judge(document, found, false);
    }

    /** As {@link #of}, judged by the commit's last member alone ({@link #completeWithLastMembers}). */
    static Visibility byLastMember(Document document, Map<Long, Document> found) {
        return judge(document, found, true);
    }

    /** The first global index of the members that decide the commit {@code document} belongs to. */
    private static long firstDeciding(Document document, boolean lastOnly) {
        long start = EventDocuments.commitStart(document);
        return lastOnly ? start + EventDocuments.commitSize(document) - 1 : start;
    }

    private static long end(Document document) {
        return EventDocuments.commitStart(document) + EventDocuments.commitSize(document);
    }

    private static void complete(
            Map<Long, Document> found, Function<Collection<Long>, List<Document>> lookup, boolean lastOnly) {
        List<Long> missing = new ArrayList<>();
        for (Document document : found.values()) {
            if (EventDocuments.commitSize(document) > 1 && !EventDocuments.isPlaceholder(document)) {
                long end = end(document);
                for (long index = firstDeciding(document, lastOnly); index < end; index++) {
                    if (!found.containsKey(index)) {
                        missing.add(index);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            for (Document document : lookup.apply(missing.stream().distinct().toList())) {
                found.put(EventDocuments.globalIndex(document), document);
            }
        }
    }

    private static Visibility judge(Document document, Map<Long, Document> found, boolean lastOnly) {
        if (EventDocuments.isPlaceholder(document)) {
            return Visibility.ABANDONED;
        }
        if (EventDocuments.commitSize(document) == 1) {
            return Visibility.VISIBLE;
        }
        boolean complete = true;
        long end = end(document);
        for (long index = firstDeciding(document, lastOnly); index < end; index++) {
            Document member = found.get(index);
            if (member == null) {
                complete = false;
            } else if (EventDocuments.isPlaceholder(member)) {
                return Visibility.ABANDONED;
            }
        }
        return complete ? Visibility.VISIBLE : Visibility.PENDING;
    }
}
