package org.meshledger.query.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Product documents of one view as last read from the store, answered again while they are current: no event of the
 * product seen since ({@link ProductEventsSeen}), and, for a document read before the views had settled, read less
 * than {@code maxAge} ago. The age bounds what could otherwise stay unnoticed: an event stored before this process
 * started following the log and projected only later. A document read once the views hold every such event needs no
 * bound: any later event of its product is reported by the tail.
 */
public final class ViewCache<V> {

    private record Cached<V>(V document, long version, long readAt, boolean ages) {}

    private final Cache<String, Cached<V>> documents;
    private final boolean keeping;
    private final ProductEventsSeen seen;
    private final ToLongFunction<V> versionOf;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    /** Moves on each {@link #forgetAll}: a document loaded before it must not be kept after it. */
    private final AtomicLong generation = new AtomicLong();

    public ViewCache(
            ProductEventsSeen seen,
            ToLongFunction<V> versionOf,
            long entries,
            Duration maxAge,
            LongSupplier nanoClock) {
        this.documents = Caffeine.newBuilder().maximumSize(entries).build();
        // a cache of size 0 still holds an entry until its eviction runs, on another thread
        this.keeping = entries > 0;
        this.seen = seen;
        this.versionOf = versionOf;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        seen.whenLost(this::forgetAll);
    }

    public ViewCache(ProductEventsSeen seen, ToLongFunction<V> versionOf, long entries, Duration maxAge) {
        this(seen, versionOf, entries, maxAge, System::nanoTime);
    }

    /** The document as last read, if it is still current and at least {@code minVersion} (when one is asked). */
    public Optional<V> current(String productId, Long minVersion) {
        Cached<V> cached = documents.getIfPresent(productId);
        if (cached == null
                || (cached.ages() && nanoClock.getAsLong() - cached.readAt() > maxAgeNanos)
                || !seen.isCurrent(productId, cached.version())
                || (minVersion != null && cached.version() < minVersion)) {
            return Optional.empty();
        }
        return Optional.of(cached.document());
    }

    /** The document as kept while it is current, else read from the store with {@code load} and kept. */
    public Optional<V> currentOrRead(String productId, Supplier<Optional<V>> load) {
        return current(productId, null).or(() -> read(productId, load));
    }

    /** Reads a product's document from the store with {@code load} and keeps what it finds. */
    public Optional<V> read(String productId, Supplier<Optional<V>> load) {
        // judged before the read: a document read while the views were settling may miss an event they add later
        boolean ages = !seen.settled();
        long loadedIn = generation.get();
        return load.get().map(found -> remember(productId, found, ages, loadedIn));
    }

    /**
     * Drops every kept document, as when the view is rebuilt: what was read before may be what the rebuild replaces,
     * and would otherwise answer until its product changes.
     */
    public void forgetAll() {
        generation.incrementAndGet();
        documents.invalidateAll();
    }

    /** Keeps a document just read from the store, unless a later version is already kept or the cache was reset. */
    private V remember(String productId, V document, boolean ages, long loadedIn) {
        if (keeping && seen.following() && generation.get() == loadedIn) {
            Cached<V> read = new Cached<>(document, versionOf.applyAsLong(document), nanoClock.getAsLong(), ages);
            documents.asMap().merge(productId, read, (kept, fresh) -> fresh.version() >= kept.version() ? fresh : kept);
            if (generation.get() != loadedIn) {
                // dropped while this one was being kept
                documents.asMap().remove(productId, read);
            }
        }
        return document;
    }

    public ToLongFunction<V> versionOf() {
        return versionOf;
    }
}
