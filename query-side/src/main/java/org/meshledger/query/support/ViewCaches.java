package org.meshledger.query.support;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/**
 * Makes each product read's {@link ViewCache}, all with the same size, maximum age and knowledge of the log, and each
 * mesh-wide read's {@link KeptMesh}, and knows which views they keep documents of.
 */
public final class ViewCaches {

    private final ProductEventsSeen seen;
    private final long entries;
    private final Duration maxAge;
    private final int meshProducts;
    private final Map<String, List<ViewCache<?>>> byView = new ConcurrentHashMap<>();
    private final Map<String, List<KeptMesh<?, ?>>> meshesByView = new ConcurrentHashMap<>();

    public ViewCaches(ProductEventsSeen seen, long entries, Duration maxAge, int meshProducts) {
        this.seen = seen;
        this.entries = entries;
        this.maxAge = maxAge;
        this.meshProducts = meshProducts;
    }

    /** A cache of documents of {@code view}, named as its processor is. */
    public <V> ViewCache<V> of(String view, ToLongFunction<V> versionOf) {
        ViewCache<V> cache = new ViewCache<>(seen, versionOf, entries, maxAge);
        byView.computeIfAbsent(view, name -> new CopyOnWriteArrayList<>()).add(cache);
        return cache;
    }

    /** Every document of {@code view}, kept for the reads across the mesh, up to the configured number of products. */
    public <V, K> KeptMesh<V, K> ofMesh(String view, KeptMesh.Source<V, K> source) {
        KeptMesh<V, K> mesh = new KeptMesh<>(view, seen, source, meshProducts);
        meshesByView.computeIfAbsent(view, name -> new CopyOnWriteArrayList<>()).add(mesh);
        return mesh;
    }

    /** The processors of the views whose documents are kept. */
    public Set<String> keptViews() {
        Set<String> views = new HashSet<>(byView.keySet());
        views.addAll(meshesByView.keySet());
        return Set.copyOf(views);
    }

    /** Drops the documents kept of {@code view}, once it has been reset to be rebuilt. */
    public void forget(String view) {
        byView.getOrDefault(view, List.of()).forEach(ViewCache::forgetAll);
        meshesByView.getOrDefault(view, List.of()).forEach(KeptMesh::forget);
    }
}
