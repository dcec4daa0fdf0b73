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
        List<Long> missing = new ArrayList<>();
        for (Document document : found.values()) {
            int size = EventDocuments.commitSize(document);
            if (size > 1 && !EventDocuments.isPlaceholder(document)) {
                long start = EventDocuments.commitStart(document);
                for (long index = start; index < start + size; index++) {
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

    /**
     * Adds to {@code found} the last member of every multi-event commit in it that lacks it. A writer inserts a commit
     * in index order, stopping at the first index it lost, and then turns what it stored into placeholders: so a
     * commit's last event is stored only once every one of them is, and none is ever taken back after. That one
     * document decides a commit whose other members are read later, as a stream's next batch reads them.
     */
    static void completeWithLastMembers(Map<Long, Document> found, Function<Collection<Long>, List<Document>> lookup) {
        List<Long> missing = new ArrayList<>();
        for (Document document : found.values()) {
            int size = EventDocuments.commitSize(document);
            long last = EventDocuments.commitStart(document) + size - 1;
            if (size > 1 && !EventDocuments.isPlaceholder(document) && !found.containsKey(last)) {
                missing.add(last);
            }
        }
        if (!missing.isEmpty()) {
            for (Document document : lookup.apply(missing.stream().distinct().toList())) {
                found.put(EventDocuments.globalIndex(document), document);
            }
        }
    }

    /** As {@link #of}, judged by the commit's last member alone ({@link #completeWithLastMembers}). */
    static Visibility byLastMember(Document document, Map<Long, Document> found) {
        if (EventDocuments.isPlaceholder(document)) {
            return Visibility.ABANDONED;
        }
        int size = EventDocuments.commitSize(document);
        if (size == 1) {
            return Visibility.VISIBLE;
        }
        Document last = found.get(EventDocuments.commitStart(document) + size - 1);
        if (last == null) {
            return Visibility.PENDING;
        }
        return EventDocuments.isPlaceholder(last) ? Visibility.ABANDONED : Visibility.VISIBLE;
    }

    static Visibility of(Document document, Map<Long, Document> found) {
        if (EventDocuments.isPlaceholder(document)) {
            return Visibility.ABANDONED;
        }
        int size = EventDocuments.commitSize(document);
        if (size == 1) {
            return Visibility.VISIBLE;
        }
        long start = EventDocuments.commitStart(document);
        boolean complete = true;
        for (long index = start; index < start + size; index++) {
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
