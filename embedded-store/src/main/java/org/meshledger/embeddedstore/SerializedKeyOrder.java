package org.meshledger.embeddedstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order H2 gives index keys, without its cost. H2 orders keys it has no type for by their Java serialization,
 * and serializes both sides of every comparison: an index lookup serialized about twenty keys, and index lookups
 * were half of the store's time. This keeps the very same order (so files written before read the same) and
 * serializes each key object once, for as long as it lives: the key looked up, and the keys of the pages in memory.
 */
final class SerializedKeyOrder extends ObjectDataType {

    // identity, not equality: two keys MongoDB calls equal (1 and 1.0) can serialize differently
    private final Cache<KeyValue, byte[]> serialized =
            Caffeine.newBuilder().weakKeys().build();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            if (first == second) {
                return 0;
            }
            return compareNotNull(bytesOf(first), bytesOf(second));
        }
        return super.compare(a, b);
    }

    private byte[] bytesOf(KeyValue key) {
        return serialized.get(key, ObjectDataType::serialize);
    }
}
