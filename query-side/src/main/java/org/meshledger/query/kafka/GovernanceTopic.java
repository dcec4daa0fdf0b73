package org.meshledger.query.kafka;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic the governance events go to, made on first use when it is missing (with the broker's default
 * replication), so a new cluster needs no step by hand. Where the ledger may not create topics, it is assumed made.
 */
final class GovernanceTopic {

    private static final Logger LOG = LoggerFactory.getLogger(GovernanceTopic.class);
    private static final long CREATE_TIMEOUT_S = 30;

    private final Admin admin;
    private final String name;
    private final int partitions;
    private volatile boolean present;

    GovernanceTopic(Admin admin, String name, int partitions) {
        this.admin = admin;
        this.name = name;
        this.partitions = partitions;
    }

    String name() {
        return name;
    }

    /** Makes the topic unless it is known to exist; a broker that cannot be reached fails the batch that asked. */
    void ensureExists() {
        if (present) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get(CREATE_TIMEOUT_S, TimeUnit.SECONDS);
            LOG.info("Created topic {} with {} partitions for the governance events", name, partitions);
            present = true;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof TopicExistsException) {
                present = true;
            } else if (failed.getCause() instanceof TopicAuthorizationException
                    || failed.getCause() instanceof ClusterAuthorizationException) {
                LOG.info("Not allowed to create topic {}; publishing to it as made by its operators", name);
                present = true;
            } else {
                throw new PendingAcknowledgements.KafkaPublishingFailed(
                        "Topic " + name + " could not be made", failed.getCause());
            }
        } catch (TimeoutException late) {
            throw new PendingAcknowledgements.KafkaPublishingFailed(
                    "No broker answered within " + CREATE_TIMEOUT_S + " s to make topic " + name, late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PendingAcknowledgements.KafkaPublishingFailed("Interrupted making topic " + name, interrupted);
        }
    }
}
