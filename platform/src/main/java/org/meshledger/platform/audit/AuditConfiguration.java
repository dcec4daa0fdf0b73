package org.meshledger.platform.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.meshledger.platform.eventstore.AuditTrail;
import org.meshledger.platform.eventstore.EventLogHead;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's readers, verifier and checkpoints, over the event store's own database. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public AuditTrail auditTrail(MongoClient mongoClient, StoreProperties properties, EventLogHead head) {
        return new AuditTrail(mongoClient.getDatabase(properties.database()), head);
    }

    @Bean
    public Checkpoints checkpoints(
            AuditTrail trail,
            MongoClient mongoClient,
            StoreProperties properties,
            @Value("${meshledger.audit.signing-key:}") String signingKey,
            @Value("${meshledger.audit.public-key:}") String publicKey) {
        MongoDatabase database = mongoClient.getDatabase(properties.database());
        return new Checkpoints(
                trail, database, new CheckpointSigner(SigningKeys.configuredOrStored(signingKey, publicKey, database)));
    }

    @Bean
    public ChainVerifier chainVerifier(AuditTrail trail, Checkpoints checkpoints) {
        return new ChainVerifier(trail, checkpoints);
    }
}
