package org.meshledger.query.support;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A view document is created by its product's registration, once: a second delivery finds it there and leaves it. */
public final class CreateOnce {

    private CreateOnce() {}

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
