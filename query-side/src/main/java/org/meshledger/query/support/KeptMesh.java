package org.meshledger.query.support;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every document of one per-product view, kept in memory for the reads that span the mesh (the overview's rollup, who
 * owned what on a date, the catalog's pages), so that none of them reads every product from the store. Before each
 * read it is brought up to date: the documents of the products whose events the log's tail reported since the last
 * read, and those whose kept form has expired, are read again by id, which every store answers from its index.
 *
 * <p>It is kept only while {@link ProductEventsSeen} can vouch for it: once the views have settled and while the tail
 * is followed (a document read before could miss an event projected later, and a change stored by another replica
 * would go unnoticed); otherwise, and for a mesh larger than {@code maxProducts}, its readers go to the store. A reset
 * of the view drops it ({@link ViewCaches#forget}).
 */
public final class KeptMesh<V, K> {

    private static final Logger log = LoggerFactory.getLogger(KeptMesh.class);

    /**
     * How one view's documents ({@code V}) are read from the store, what is kept of each ({@code K}: the document, or
     * a smaller form that reads the same for a while) and when a kept one still answers.
     */
    public interface Source<V, K> {

        List<V> all();

        List<V> byIds(Collection<String> productIds);

        String idOf(V document);

        K kept(V document, Instant now);

        /** Whether what is kept holds every event of its product seen so far. */
        boolean holdsSeen(K kept, ProductEventsSeen seen);

        /** Whether what is kept still reads at {@code now} as its document would. */
        default boolean answersAt(K kept, Instant now) {
            return true;
        }
    }

    /** A source whose documents are kept as they are read. */
    public interface AsRead<V> extends Source<V, V> {

        @Override
        default V kept(V document, Instant now) {
            return document;
        }
    }

    private final String view;
    private final ProductEventsSeen seen;
    private final Source<V, K> source;
    private final int maxProducts;

    /** By product id; null while nothing is kept. */
    private TreeMap<String, K> documents;

    private List<K> inIdOrder = List.of();
    private long changesRead;
    /** Products whose document, read again, still missed an event seen of them: read again until it does not. */
    private Set<String> behind = Set.of();

    private boolean tooLarge;

    KeptMesh(String view, ProductEventsSeen seen, Source<V, K> source, int maxProducts) {
        this.view = view;
        this.seen = seen;
        this.source = source;
        this.maxProducts = maxProducts;
        seen.whenLost(this::forget);
    }

    /**
     * Every document of the view by product id, current at {@code now}; empty when the view is not kept, and its
     * reader must ask the store.
     */
    public synchronized Optional<List<K>> documents(Instant now) {
        if (tooLarge || !seen.following() || !seen.settled()) {
            return Optional.empty();
        }
        // read before the documents: an event seen meanwhile is looked at on the next read
        long changes = seen.changes();
        if (documents == null) {
            loadAll(now);
        } else {
            refresh(changes, now);
        }
        if (documents == null) {
            return Optional.empty();
        }
        changesRead = changes;
        return Optional.of(inIdOrder);
    }

    public synchronized void forget() {
        documents = null;
        inIdOrder = List.of();
        behind = Set.of();
    }

    private void loadAll(Instant now) {
        List<V> all = source.all();
        if (all.size() > maxProducts) {
            tooLarge = true;
            log.info(
                    "The {} view holds {} products, more than the {} kept in memory: the mesh-wide reads of it go to"
                            + " the store",
                    view,
                    all.size(),
                    maxProducts);
            return;
        }
        documents = new TreeMap<>();
        all.forEach(document -> documents.put(source.idOf(document), source.kept(document, now)));
        // a product seen before the load may be stored only after it: the processors report an event before storing it
        Set<String> loadedOrSeen = new HashSet<>(documents.keySet());
        loadedOrSeen.addAll(seen.productsSeen());
        behind = stillBehind(loadedOrSeen);
        inIdOrder = List.copyOf(documents.values());
    }

    private void refresh(long changes, Instant now) {
        Set<String> stale = new HashSet<>(behind);
        if (changes != changesRead) {
            for (String productId : seen.productsSeen()) {
                K kept = documents.get(productId);
                if (kept == null || !source.holdsSeen(kept, seen)) {
                    stale.add(productId);
                }
            }
        }
        documents.forEach((productId, kept) -> {
            if (!source.answersAt(kept, now)) {
                stale.add(productId);
            }
        });
        if (stale.isEmpty()) {
            return;
        }
        source.byIds(stale).forEach(document -> documents.put(source.idOf(document), source.kept(document, now)));
        if (documents.size() > maxProducts) {
            forget();
            tooLarge = true;
            return;
        }
        behind = stillBehind(stale);
        inIdOrder = List.copyOf(documents.values());
    }

    private Set<String> stillBehind(Collection<String> productIds) {
        Set<String> stillBehind = new HashSet<>();
        for (String productId : productIds) {
            K kept = documents.get(productId);
            if (kept == null ? seen.lastProductEvent(productId) >= 0 : !source.holdsSeen(kept, seen)) {
                stillBehind.add(productId);
            }
        }
        return stillBehind;
    }
}
