package org.meshledger.query.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import org.meshledger.api.model.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** What a notification says of its product, so that a receiver can act without asking the ledger again. */
@Component
class ProductFacts {

    @Document("notification_products")
    record ProductFact(@Id String productId, String name, String domain, String ownerTeam) {}

    private final MongoTemplate mongo;

    ProductFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void registered(String productId, String name, String ownerTeam) {
        mongo.save(new ProductFact(productId, name, Ids.domainOf(productId), ownerTeam));
    }

    void ownedBy(String productId, String ownerTeam) {
        ProductFact known = mongo.findById(productId, ProductFact.class);
        if (known != null) {
            mongo.save(new ProductFact(productId, known.name(), known.domain(), ownerTeam));
        }
    }

    /** {@code {id, name, domain, ownerTeam}} as the notifications' data names the product. */
    Map<String, Object> of(String productId) {
        ProductFact known = mongo.findById(productId, ProductFact.class);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", productId);
        product.put("name", known == null ? null : known.name());
        product.put("domain", Ids.domainOf(productId));
        product.put("ownerTeam", known == null ? null : known.ownerTeam());
        return product;
    }

    void forgetAll() {
        mongo.dropCollection(ProductFact.class);
    }
}
