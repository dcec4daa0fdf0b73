package org.meshledger.command.team;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where in the event log the owner index stopped reading: a tracking token, gaps included, stored as one document. */
public class ReadPosition {

    private static final String COLLECTION = "product_owners_position";
    private static final String ID = "position";

    private final MongoTemplate mongo;
    private final Serializer serializer;

    public ReadPosition(MongoTemplate mongo, Serializer serializer) {
        this.mongo = mongo;
        this.serializer = serializer;
    }

    TrackingToken load() {
        Document stored = mongo.findById(ID, Document.class, COLLECTION);
        if (stored == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(
                stored.getString("token"),
                String.class,
                new SimpleSerializedType(stored.getString("type"), stored.getString("revision"))));
    }

    void save(TrackingToken token) {
        if (token == null) {
            return;
        }
        SerializedObject<String> serialized = serializer.serialize(token, String.class);
        mongo.save(
                new Document("_id", ID)
                        .append("token", serialized.getData())
                        .append("type", serialized.getType().getName())
                        .append("revision", serialized.getType().getRevision()),
                COLLECTION);
    }
}
