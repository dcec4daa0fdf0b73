package org.meshledger.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerializedKeyOrderTest {

    @Test
    void givenKeysOfEveryShapeAnIndexHolds_whenCompared_thenTheOrderIsH2sOwn() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int index = 0; index < 200; index++) {
            keys.add(new KeyValue("product-" + random.nextInt(1_000)));
            keys.add(new KeyValue((long) random.nextInt(100_000)));
            keys.add(new KeyValue(random.nextInt(100_000)));
            keys.add(new KeyValue("product-" + random.nextInt(50), (long) random.nextInt(5)));
        }
        ObjectDataType h2 = new ObjectDataType();
        SerializedKeyOrder fast = new SerializedKeyOrder();
        for (KeyValue first : keys) {
            for (int probe = 0; probe < 20; probe++) {
                KeyValue second = keys.get(random.nextInt(keys.size()));
                assertThat(Integer.signum(fast.compare(first, second)))
                        .as("%s against %s", first, second)
                        .isEqualTo(Integer.signum(h2.compare(first, second)));
            }
        }
    }

    /** The order is the one files were written in before, so a store written by the stock backend reads the same. */
    @Test
    void givenAStoreWrittenByTheStockBackend_whenOpenedWithThisOne_thenEveryKeyIsFoundAndStillUnique(
            @TempDir Path dir) {
        String file = dir.resolve("store.mv.db").toString();
        serve(new H2Backend(file), events -> {
            events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
            for (long index = 0; index < 500; index++) {
                events.insertOne(
                        new Document("_id", index).append("streamKey", "p-" + (index / 4) + "#" + (index % 4)));
            }
        });

        serve(new IndexedH2Backend(MVStore.open(file)), events -> {
            for (long index = 0; index < 500; index++) {
                String streamKey = "p-" + (index / 4) + "#" + (index % 4);
                assertThat(events.find(Filters.eq("_id", index)).first()).isNotNull();
                assertThat(events.find(Filters.eq("streamKey", streamKey)).first())
                        .extracting(found -> found.get("_id"))
                        .isEqualTo(index);
            }
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 900L).append("streamKey", "p-3#1")))
                    .isInstanceOf(MongoWriteException.class);
            events.insertOne(new Document("_id", 901L).append("streamKey", "p-200#0"));
            assertThat(events.find(Filters.eq("streamKey", "p-200#0")).first()).isNotNull();
        });
    }

    private static void serve(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        backend.version(ModernServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client.getDatabase("store").getCollection("events"));
        } finally {
            server.shutdownNow();
        }
    }
}
