package org.meshledger.command.config;

import java.util.Optional;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository trusts its cache: right while one process writes an aggregate, wrong with several
 * command-side replicas behind a round-robin balancer, where another replica may have appended since this one cached
 * the aggregate. A conflict on append would catch that only for commands that get as far as appending; a rule or an
 * {@code If-Match} judged against the stale copy refuses a correct command first. So a cached aggregate is used only
 * while it is as new as its stream's head in the store (one indexed lookup); behind it, it is loaded again.
 */
final class StoreCheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    private StoreCheckedCachingRepository(Builder<T> builder) {
        super(builder);
        this.eventStore = builder.store();
        this.cache = builder.aggregateCache();
    }

    static <T> EventSourcingRepository.Builder<T> storeCheckedBuilder(Class<T> aggregateType) {
        return new Builder<>(aggregateType);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && isBehindTheStore(aggregate)) {
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }

    private boolean isBehindTheStore(EventSourcedAggregate<T> aggregate) {
        Optional<Long> head = eventStore.lastSequenceNumberFor(aggregate.identifierAsString());
        Long loaded = aggregate.version();
        return head.isPresent() && (loaded == null || loaded < head.get());
    }

    private static final class Builder<T> extends EventSourcingRepository.Builder<T> {

        private Builder(Class<T> aggregateType) {
            super(aggregateType);
        }

        private EventStore store() {
            return eventStore;
        }

        private Cache aggregateCache() {
            return cache;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R extends EventSourcingRepository<T>> R build() {
            if (cache == null) {
                throw new IllegalStateException("a store-checked caching repository needs a cache");
            }
            validate();
            return (R) new StoreCheckedCachingRepository<>(this);
        }
    }
}
