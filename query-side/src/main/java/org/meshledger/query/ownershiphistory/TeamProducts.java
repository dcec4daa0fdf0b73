package org.meshledger.query.ownershiphistory;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.meshledger.query.support.ViewBatch;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every product a team has ever owned, so a team's history is a lookup by id, never a scan. A team's products are
 * spread over {@value #BUCKETS} documents by product id: one document per team made each change rewrite the whole
 * list, and a team of 20,000 products slowed its view to seconds per event (and a real MongoDB caps a document at
 * 16 MB).
 */
@Document("team_products")
record TeamProducts(@Id String id, String team, List<String> productIds) {

    static final int BUCKETS = 64;

    /**
     * A set: adding a product twice is adding it once (a product always falls in the same bucket). In a processor's
     * batch, the additions are written together when the batch is: one upsert per bucket touched.
     */
    static void remember(MongoTemplate mongo, String team, String productId) {
        ViewBatch.collect(Additions.class, () -> new Additions(mongo), additions -> additions.add(team, productId));
    }

    /** Products to add to their teams' buckets, written in one bulk write. */
    static final class Additions implements Runnable {

        private final MongoTemplate mongo;
        private final Map<String, Set<String>> productsByBucket = new LinkedHashMap<>();
        private final Map<String, String> teamOfBucket = new HashMap<>();

        Additions(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        void add(String team, String productId) {
            String bucket = bucketId(team, productId);
            teamOfBucket.put(bucket, team);
            productsByBucket
                    .computeIfAbsent(bucket, key -> new LinkedHashSet<>())
                    .add(productId);
        }

        @Override
        public void run() {
            if (productsByBucket.isEmpty()) {
                return;
            }
            List<WriteModel<org.bson.Document>> upserts = new ArrayList<>();
            productsByBucket.forEach((bucket, productIds) -> upserts.add(new UpdateOneModel<>(
                    Filters.eq("_id", bucket),
                    Updates.combine(
                            Updates.setOnInsert("team", teamOfBucket.get(bucket)),
                            Updates.addEachToSet("productIds", List.copyOf(productIds))),
                    new UpdateOptions().upsert(true))));
            mongo.getCollection(mongo.getCollectionName(TeamProducts.class))
                    .bulkWrite(upserts, new BulkWriteOptions().ordered(false));
            productsByBucket.clear();
        }
    }

    /** The ownership records of every product the team has ever owned, in no particular order; readers sort. */
    static List<OwnershipRecord> recordsEverOwnedBy(MongoTemplate mongo, String team) {
        List<String> productIds = everOwnedBy(mongo, team);
        return productIds.isEmpty()
                ? List.of()
                : mongo.find(new Query(Criteria.where("_id").in(productIds)), OwnershipRecord.class);
    }

    /** The ownership records of {@code productIds}, in the order given. */
    static List<OwnershipRecord> records(MongoTemplate mongo, List<String> productIds) {
        Map<String, OwnershipRecord> byId = new HashMap<>();
        if (!productIds.isEmpty()) {
            mongo.find(new Query(Criteria.where("_id").in(productIds)), OwnershipRecord.class)
                    .forEach(record -> byId.put(record.productId(), record));
        }
        return productIds.stream()
                .map(byId::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    static List<String> everOwnedBy(MongoTemplate mongo, String team) {
        // a team's single document from before the buckets is read too, until the view is next rebuilt
        List<String> ids = Stream.concat(
                        Stream.of(team), IntStream.range(0, BUCKETS).mapToObj(bucket -> team + "#" + bucket))
                .toList();
        return mongo.find(new Query(Criteria.where("_id").in(ids)), TeamProducts.class).stream()
                .flatMap(bucket -> bucket.productIds().stream())
                .distinct()
                .toList();
    }

    /** {@code #} cannot occur in a team id. {@link String#hashCode} is fixed by the language: stable across JVMs. */
    private static String bucketId(String team, String productId) {
        return team + "#" + Math.floorMod(productId.hashCode(), BUCKETS);
    }
}
