package org.meshledger.query.support;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Makes each product read's {@link ViewCache}, all with the same size, maximum age and knowledge of the log, and
 * knows which views they keep documents of.
 */
public final class ViewCaches {

    private final ProductEventsSeen seen;
    private final long entries;
    private final Duration maxAge;
    private final Set<String> keptViews = ConcurrentHashMap.newKeySet();

    public ViewCaches(ProductEventsSeen seen, long entries, Duration maxAge) {
        this.seen = seen;
        this.entries = entries;
        this.maxAge = maxAge;
    }

    /** A cache of documents of {@code view}, named as its processor is. */
    public <V> ViewCache<V> of(String view, ToLongFunction<V> versionOf) {
        keptViews.add(view);
        return new ViewCache<>(seen, versionOf, entries, maxAge);
    }

    /** The processors of the views whose documents are kept. */
    public Set<String> keptViews() {
        return Set.copyOf(keptViews);
    }
}
