package org.meshledger.query.support;

import java.time.Duration;
import java.util.function.ToLongFunction;

/** Makes each product read's {@link ViewCache}, all with the same size, maximum age and knowledge of the log. */
public final class ViewCaches {

    private final ProductEventsSeen seen;
    private final long entries;
    private final Duration maxAge;

    public ViewCaches(ProductEventsSeen seen, long entries, Duration maxAge) {
        this.seen = seen;
        this.entries = entries;
        this.maxAge = maxAge;
    }

    public <V> ViewCache<V> of(ToLongFunction<V> versionOf) {
        return new ViewCache<>(seen, versionOf, entries, maxAge);
    }
}
