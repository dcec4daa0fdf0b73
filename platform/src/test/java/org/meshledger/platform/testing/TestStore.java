package org.meshledger.platform.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.meshledger.embeddedstore.EmbeddedStore;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One in-memory store per test JVM, reached over TCP like a real MongoDB. */
public final class TestStore {

    private static EmbeddedStore store;
    private static MongoClient client;

    private TestStore() {}

    public static synchronized String uri() {
        if (store == null) {
            store = EmbeddedStore.inMemory("127.0.0.1", 0);
        }
        return store.connectionString();
    }

    /** A client of the tests' own, for checking what was stored without going through the product. */
    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(uri());
        }
        return client;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", TestStore::uri);
    }

    /** Every event the store holds, on every stream: the count a refused command must leave unchanged. */
    public static long storedEvents() {
        return client().getDatabase("meshledger")
                .getCollection("events")
                .countDocuments(com.mongodb.client.model.Filters.ne("placeholder", true));
    }
}
