package org.meshledger.query.ownershiphistory;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every product a team has ever owned, so a team's history is a lookup by id, never a scan. A team's products are
 * spread over {@value #BUCKETS} documents by product id: one document per team made each change rewrite the whole
 * list, and a team of 20,000 products slowed its view to seconds per event (and a real MongoDB caps a document at
 * 16 MB).
 */
@Document("team_products")
record TeamProducts(@Id String id, String team, List<String> productIds) {

    static final int BUCKETS = 64;

    /** A set: adding a product twice is adding it once (a product always falls in the same bucket). */
    static void remember(MongoTemplate mongo, String team, String productId) {
        mongo.upsert(
                new Query(Criteria.where("_id").is(bucketId(team, productId))),
                new Update().setOnInsert("team", team).addToSet("productIds", productId),
                TeamProducts.class);
    }

    /** The ownership records of every product the team has ever owned, in no particular order; readers sort. */
    static List<OwnershipRecord> recordsEverOwnedBy(MongoTemplate mongo, String team) {
        List<String> productIds = everOwnedBy(mongo, team);
        return productIds.isEmpty()
                ? List.of()
                : mongo.find(new Query(Criteria.where("_id").in(productIds)), OwnershipRecord.class);
    }

    private static List<String> everOwnedBy(MongoTemplate mongo, String team) {
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
