package org.meshledger.platform.testing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;

/** A fingerprint of view collections: two databases with equal digests hold the same views, document for document. */
public final class ViewDigest {

    /**
     * Drift entries are compared without their cursors: a rebuild in another database numbers them in the order its
     * segments meet them, while a replay in place keeps the cursors it had.
     */
    private static final String DRIFT = "drift_entries";

    /** A team's products are a set: compared in order of id, whatever order they were added in. */
    private static final String TEAMS = "team_products";

    public static final List<String> VIEWS = List.of(
            "product_summaries",
            "ownership_records",
            TEAMS,
            "compliance_records",
            "drift_states",
            DRIFT,
            "contract_indexes",
            "contract_versions",
            "contract_drift_states");

    private ViewDigest() {}

    public static String of(MongoDatabase database) {
        return of(database, VIEWS);
    }

    public static String of(MongoDatabase database, List<String> collections) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String collection : collections) {
                digest.update(collection.getBytes(StandardCharsets.UTF_8));
                boolean drift = collection.equals(DRIFT);
                for (Document document :
                        database.getCollection(collection).find().sort(Sorts.ascending(drift ? "entryKey" : "_id"))) {
                    if (drift) {
                        document.remove("_id");
                    }
                    if (collection.equals(TEAMS)) {
                        document.put(
                                "productIds",
                                document.getList("productIds", String.class).stream()
                                        .sorted()
                                        .toList());
                    }
                    digest.update(sorted(document).toJson().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The same fields in key order: a view's meaning does not depend on the order a store keeps fields in (a
     * replace may keep a document's order, an insert writes the new one's).
     */
    private static Document sorted(Document document) {
        Document sorted = new Document();
        new java.util.TreeMap<>(document).forEach((key, value) -> sorted.put(key, sortedValue(value)));
        return sorted;
    }

    private static Object sortedValue(Object value) {
        if (value instanceof Document nested) {
            return sorted(nested);
        }
        if (value instanceof List<?> items) {
            return items.stream().map(ViewDigest::sortedValue).toList();
        }
        return value;
    }

    /** One digest per view collection, so a difference names the view it is in. */
    public static java.util.Map<String, String> perView(MongoDatabase database) {
        java.util.Map<String, String> digests = new java.util.LinkedHashMap<>();
        VIEWS.forEach(view -> digests.put(view, of(database, List.of(view))));
        return digests;
    }

    /** The views' entries: a team's products count once, however many documents they are spread over. */
    public static long documents(MongoDatabase database) {
        return VIEWS.stream()
                .mapToLong(name -> name.equals(TEAMS)
                        ? database.getCollection(name)
                                .distinct("team", String.class)
                                .into(new ArrayList<>())
                                .size()
                        : database.getCollection(name).countDocuments())
                .sum();
    }
}
