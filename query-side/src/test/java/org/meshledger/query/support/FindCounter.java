package org.meshledger.query.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;

/** Counts the documents that {@code find} commands return from one collection: what a query really read. */
public final class FindCounter implements CommandListener {

    private final String collection;
    private final AtomicLong documents = new AtomicLong();

    public FindCounter(String collection) {
        this.collection = collection;
    }

    public long documents() {
        return documents.get();
    }

    public void reset() {
        documents.set(0);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (!"find".equals(event.getCommandName()) && !"getMore".equals(event.getCommandName())) {
            return;
        }
        BsonDocument cursor = event.getResponse().getDocument("cursor", new BsonDocument());
        String namespace = cursor.getString("ns", new org.bson.BsonString("")).getValue();
        if (namespace.endsWith("." + collection)) {
            String batch = cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch";
            documents.addAndGet(cursor.getArray(batch, new org.bson.BsonArray()).size());
        }
    }
}
