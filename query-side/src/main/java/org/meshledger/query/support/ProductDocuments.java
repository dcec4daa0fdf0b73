package org.meshledger.query.support;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A view of one document per product, by product id, whose {@code version} is the last product event it holds: kept
 * across the mesh as read ({@link KeptMesh}).
 */
public record ProductDocuments<V>(
        MongoTemplate mongo, Class<V> type, Function<V, String> productIdOf, ToLongFunction<V> versionOf)
        implements KeptMesh.AsRead<V> {

    @Override
    public List<V> all() {
        return mongo.findAll(type);
    }

    @Override
    public List<V> byIds(Collection<String> productIds) {
        return mongo.find(new Query(Criteria.where("_id").in(productIds)), type);
    }

    @Override
    public String idOf(V document) {
        return productIdOf.apply(document);
    }

    @Override
    public boolean holdsSeen(V document, ProductEventsSeen seen) {
        return versionOf.applyAsLong(document) >= seen.lastProductEvent(idOf(document));
    }
}
