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
    private final Cache<KeyValue, byte[]> pageKeys =
            Caffeine.newBuilder().weakKeys().build();

    /**
     * A page's binary search compares the key it looks for, first, with the page's keys, second. The key looked for is
     * kept here, one per thread, and not among the page keys: held by the shared cache until the collection after
     * its query, each one's entry was copied by that collection and promoted, and the store's young pauses grew.
     */
    private final ThreadLocal<SerializedKey> soughtKey = ThreadLocal.withInitial(SerializedKey::new);

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            if (first == second) {
                return 0;
            }
            return compareNotNull(soughtKey.get().bytesOf(first), pageKeys.get(second, ObjectDataType::serialize));
        }
        return super.compare(a, b);
    }

    private static final class SerializedKey {

        private KeyValue key;
        private byte[] bytes;

        byte[] bytesOf(KeyValue sought) {
            if (sought != key) {
                bytes = serialize(sought);
                key = sought;
            }
            return bytes;
        }
    }
}
