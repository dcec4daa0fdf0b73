package org.meshledger.query.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/**
 * Makes each product read's {@link ViewCache}, all with the same size, maximum age and knowledge of the log, and
 * knows which views they keep documents of.
 */
public final class ViewCaches {

    private final ProductEventsSeen seen;
    private final long entries;
    private final Duration maxAge;
    private final Map<String, List<ViewCache<?>>> byView = new ConcurrentHashMap<>();

    public ViewCaches(ProductEventsSeen seen, long entries, Duration maxAge) {
        this.seen = seen;
        this.entries = entries;
        this.maxAge = maxAge;
    }

    /** A cache of documents of {@code view}, named as its processor is. */
    public <V> ViewCache<V> of(String view, ToLongFunction<V> versionOf) {
        ViewCache<V> cache = new ViewCache<>(seen, versionOf, entries, maxAge);
        byView.computeIfAbsent(view, name -> new CopyOnWriteArrayList<>()).add(cache);
        return cache;
    }

    /** The processors of the views whose documents are kept. */
    public Set<String> keptViews() {
        return Set.copyOf(byView.keySet());
    }

    /** Drops the documents kept of {@code view}, once it has been reset to be rebuilt. */
    public void forget(String view) {
        byView.getOrDefault(view, List.of()).forEach(ViewCache::forgetAll);
    }
}
