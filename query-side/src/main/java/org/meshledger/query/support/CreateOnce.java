package org.meshledger.query.support;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A view document is created by its product's registration, once: a second delivery finds it there and leaves it. */
public final class CreateOnce {

    private CreateOnce() {}

    /**
     * Inserts each of {@code documents} (all of one view) unless one with the same unique keys is stored, put there by
     * an earlier or a concurrent delivery: one unordered bulk insert.
     *
     * @return the positions in {@code documents} that were already there
     */
    public static Set<Integer> insertAll(MongoTemplate mongo, List<?> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        List<Document> converted = documents.stream()
                .map(document -> ViewBatch.bson(document, mongo))
                .toList();
        try {
            mongo.getCollection(mongo.getCollectionName(documents.get(0).getClass()))
                    .insertMany(converted, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException failed) {
            boolean onlyDuplicates = failed.getWriteConcernError() == null
                    && failed.getWriteErrors().stream()
                            .allMatch(error ->
                                    ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw failed;
            }
            return failed.getWriteErrors().stream()
                    .map(BulkWriteError::getIndex)
                    .collect(Collectors.toSet());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void insert(MongoTemplate mongo, Object document) {
        ViewBatch batch = ViewBatch.current();
        if (batch != null) {
            String id = String.valueOf(mongo.getConverter()
                    .getMappingContext()
                    .getRequiredPersistentEntity(document.getClass())
                    .getIdentifierAccessor(document)
                    .getRequiredIdentifier());
            if (batch.covers(id)) {
                batch.create((Class) document.getClass(), id, document);
                return;
            }
        }
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyCreated) {
            // created by an earlier delivery, which may since have moved the document on: keep it as it is
        }
    }
}
