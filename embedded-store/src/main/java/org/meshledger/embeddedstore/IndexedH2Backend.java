package org.meshledger.embeddedstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** The H2 backend with unique indexes that compare keys cheaply ({@link SerializedKeyOrder}). */
class IndexedH2Backend extends H2Backend {

    private final SerializedKeyOrder keyOrder = new SerializedKeyOrder();

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    static IndexedH2Backend inMemoryStore() {
        return new IndexedH2Backend(MVStore.open(null));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName);
    }

    /**
     * An inner class on purpose: the database opens its indexes from its superclass's constructor, before a field of
     * its own would be set, and the enclosing backend (its store and key order) is already there.
     */
    private final class IndexedDatabase extends H2Database {

        private IndexedDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> positions = getMvStore()
                    .openMap(
                            getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                            new MVMap.Builder<KeyValue, Object>().keyType(keyOrder));
            return new KeyIndex(positions, indexName, keys, sparse);
        }
    }
}
