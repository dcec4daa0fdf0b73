package org.meshledger.query.support;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.meshledger.api.event.SliObserved;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The view changes of one processor batch: the documents its events touch are read in one query when first needed,
 * changed in memory event by event, and written in one bulk write when the batch's last event has been handled,
 * before its token moves. Each write is conditional on the document being as it was read; if another process moved
 * one on meanwhile (a claim changing hands), the batch fails whole and is handled again.
 */
public final class ViewBatch {

    private static final String RESOURCE = ViewBatch.class.getName();
    private static final ClassValue<java.lang.reflect.Method> VERSION = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method computeValue(Class<?> type) {
            try {
                java.lang.reflect.Method version = type.getDeclaredMethod("version");
                // views are package-private records: their accessor is public, their class is not
                version.setAccessible(true);
                return version;
            } catch (NoSuchMethodException missing) {
                throw new IllegalStateException(type + " has no version", missing);
            }
        }
    };

    private final MongoTemplate mongo;
    private final Set<String> products;
    private final int size;
    private int handled;
    private final Map<Class<?>, Map<String, Staged>> staged = new LinkedHashMap<>();
    private final Map<Class<?>, Runnable> writtenFirst = new LinkedHashMap<>();

    private ViewBatch(MongoTemplate mongo, List<? extends EventMessage<?>> events) {
        this.mongo = mongo;
        this.products = productsOf(events);
        this.size = events.size();
    }

    /**
     * Whether a document is the batch's to collect: only documents keyed by a product of the batch, which projections
     * reach through ViewUpdates, CreateOnce and ProductEvents alone. Any other document (a contract version) is
     * written at once, or by a collector ({@link #collect}), so it is stored before the product documents that point to it
     * become visible.
     */
    boolean covers(String id) {
        return products.contains(id);
    }

    /** Counts one more event of the batch handled; @return whether it was the batch's last */
    boolean handledAll() {
        return ++handled == size;
    }

    /**
     * Starts collecting the batch's changes in {@code unitOfWork}, once per batch. The events are asked for only
     * then: a batching unit of work builds a new list of them on every call.
     */
    static ViewBatch openIn(
            UnitOfWork<?> unitOfWork, MongoTemplate mongo, Supplier<List<? extends EventMessage<?>>> events) {
        return (ViewBatch) unitOfWork.resources().computeIfAbsent(RESOURCE, key -> new ViewBatch(mongo, events.get()));
    }

    static void closeIn(UnitOfWork<?> unitOfWork) {
        unitOfWork.resources().remove(RESOURCE);
    }

    /** The batch being handled on this thread, or null when handlers run one event at a time (tests, replays). */
    static ViewBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (ViewBatch) CurrentUnitOfWork.get().resources().get(RESOURCE);
    }

    /**
     * Hands {@code add} the open batch's collector of {@code type}, created on first use, for what a view writes besides
     * its product documents (timeline entries, a team's products): its {@code run} is called once, when the batch is
     * written and before the product documents, which may point to what it wrote. When handlers run one event at a
     * time, a collector of its own is created, handed to {@code add} and run at once.
     */
    public static <T extends Runnable> void collect(Class<T> type, Supplier<T> create, Consumer<T> add) {
        ViewBatch batch = current();
        if (batch == null) {
            T alone = create.get();
            add.accept(alone);
            alone.run();
            return;
        }
        add.accept(type.cast(batch.writtenFirst.computeIfAbsent(type, key -> create.get())));
    }

    /** {@code document} as the view's BSON, as the template would store it. */
    static Document bson(Object document, MongoTemplate mongo) {
        Document converted = new Document();
        mongo.getConverter().write(document, converted);
        return converted;
    }

    @SuppressWarnings("unchecked")
    <T> T read(Class<T> type, String id) {
        Map<String, Staged> documents = staged.computeIfAbsent(type, this::prefetch);
        Staged found = documents.computeIfAbsent(
                id, missing -> readStored(type, List.of(missing)).get(missing));
        return (T) found.current;
    }

    <T> void replace(Class<T> type, String id, T changed) {
        read(type, id);
        staged.get(type).get(id).current = changed;
        staged.get(type).get(id).dirty = true;
    }

    /** Creates the document unless it exists (an earlier delivery of the same event created it). */
    <T> void create(Class<T> type, String id, T document) {
        if (read(type, id) == null) {
            replace(type, id, document);
        }
    }

    /** Moves the document's version up to {@code sequence} when the batch is written, never down. */
    void advance(Class<?> type, String id, long sequence) {
        Object current = read(type, id);
        if (current == null) {
            return;
        }
        Staged document = staged.get(type).get(id);
        if (versionOf(current) < sequence && (document.advancedTo == null || document.advancedTo < sequence)) {
            document.advancedTo = sequence;
        }
    }

    void flush() {
        writtenFirst.values().forEach(Runnable::run);
        writtenFirst.clear();
        staged.forEach((type, documents) -> write(mongo.getCollectionName(type), documents));
        staged.clear();
        ViewsStored.signal();
    }

    private void write(String collection, Map<String, Staged> documents) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        int conditional = 0;
        for (Staged document : documents.values()) {
            WriteModel<Document> write = document.write(mongo);
            if (write != null) {
                writes.add(write);
                conditional += write instanceof InsertOneModel ? 0 : 1;
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            BulkWriteResult result =
                    mongo.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            if (result.getMatchedCount() != conditional) {
                throw new ConcurrentViewChange(collection);
            }
        } catch (MongoBulkWriteException failed) {
            // only a document another process inserted first is a concurrent change; anything else (a write concern
            // not met, a refused document) fails the batch as it is, with its cause
            if (onlyInsertedMeanwhile(failed)) {
                throw new ConcurrentViewChange(collection, failed);
            }
            throw failed;
        }
    }

    private static boolean onlyInsertedMeanwhile(MongoBulkWriteException failed) {
        return failed.getWriteConcernError() == null
                && !failed.getWriteErrors().isEmpty()
                && failed.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    private static Set<String> productsOf(List<? extends EventMessage<?>> events) {
        Set<String> ids = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            if (event.getPayloadType() == SliObserved.class) {
                ids.add(((SliObserved) event.getPayload()).productId());
            } else if (event instanceof DomainEventMessage<?> onStream) {
                ids.add(onStream.getAggregateIdentifier());
            }
        }
        return ids;
    }

    /** Every document of {@code type} the batch's products have, in one query by id. */
    private Map<String, Staged> prefetch(Class<?> type) {
        return readStored(type, products);
    }

    /**
     * The documents of {@code ids} (a staged null for each one that is not stored). Each is converted once, from the
     * stored BSON, which is kept as the state the batch read.
     */
    private Map<String, Staged> readStored(Class<?> type, Collection<String> ids) {
        Map<String, Staged> documents = new HashMap<>();
        for (Document stored :
                mongo.getCollection(mongo.getCollectionName(type)).find(Filters.in("_id", ids))) {
            documents.put(
                    String.valueOf(stored.get("_id")),
                    Staged.of(mongo.getConverter().read(type, stored), stored));
        }
        ids.forEach(id -> documents.computeIfAbsent(id, absent -> Staged.of(null, null)));
        return documents;
    }

    static long versionOf(Object document) {
        try {
            return ((Number) VERSION.get(document.getClass()).invoke(document)).longValue();
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** One document as read, as changed so far, and whether the batch must write it. */
    private static final class Staged {

        private Document originalState;
        private Object current;
        private boolean dirty;
        private Long advancedTo;

        static Staged of(Object document, Document stored) {
            Staged staged = new Staged();
            staged.current = document;
            staged.originalState = stored;
            return staged;
        }

        WriteModel<Document> write(MongoTemplate mongo) {
            if (!dirty && advancedTo == null) {
                return null;
            }
            if (!dirty) {
                return new UpdateOneModel<>(unchangedSinceRead(), Updates.set("version", advancedTo));
            }
            Document next = bson(current, mongo);
            if (advancedTo != null && ((Number) next.get("version")).longValue() < advancedTo) {
                next.put("version", advancedTo);
            }
            return originalState == null
                    ? new InsertOneModel<>(next)
                    : new ReplaceOneModel<>(unchangedSinceRead(), next);
        }

        /**
         * Equality on the keys of the view's unique indexes, as one flat document: an indexed lookup on both stores.
         * ({@code Filters.and} renders {@code $and}, which the embedded store cannot match to an index: it scanned the
         * whole view for every write.)
         */
        private Bson unchangedSinceRead() {
            Document keys =
                    new Document("_id", originalState.get("_id")).append("version", originalState.get("version"));
            if (originalState.containsKey("observationVersion")) {
                keys.append("observationVersion", originalState.get("observationVersion"));
            }
            return keys;
        }
    }

    /** Another process changed a document this batch read: the batch is handled again from its first event. */
    public static final class ConcurrentViewChange extends RuntimeException {

        ConcurrentViewChange(String collection) {
            super("A document of " + collection + " changed while a batch was being applied to it");
        }

        ConcurrentViewChange(String collection, Throwable cause) {
            super(
                    "A document of " + collection + " was inserted by another process while a batch was being applied",
                    cause);
        }
    }
}
