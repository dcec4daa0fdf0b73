package org.meshledger.query.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.DomainEventMessage;
import org.meshledger.platform.web.RequestMetadata;

/**
 * A stored event as the mesh's event platform reads it: a CloudEvent whose id is the event's own, so a consumer
 * that receives it twice (publishing is at least once) can tell.
 */
final class GovernanceCloudEvents {

    /** Every governance event's type starts with this, followed by the event's name (OwnershipTransferred, …). */
    static final String TYPE_PREFIX = "org.meshledger.governance.";

    private final ObjectMapper json;
    private final URI source;

    GovernanceCloudEvents(ObjectMapper json, URI source) {
        this.json = json;
        this.source = source;
    }

    CloudEvent of(DomainEventMessage<?> event) {
        CloudEventBuilder built = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withSource(source)
                .withType(TYPE_PREFIX + event.getPayloadType().getSimpleName())
                .withSubject(event.getAggregateIdentifier())
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(payload(event))
                // the sequence extension: the event's place in its product's (or team's, subscription's) history
                .withExtension("sequence", Long.toString(event.getSequenceNumber()))
                .withExtension("aggregatetype", event.getType());
        Object actor = event.getMetaData().get(RequestMetadata.ACTOR);
        if (actor != null) {
            built.withExtension("actor", actor.toString());
        }
        return built.build();
    }

    private byte[] payload(DomainEventMessage<?> event) {
        try {
            return json.writeValueAsBytes(event.getPayload());
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(
                    "Event " + event.getIdentifier() + " could not be written as JSON for Kafka", unwritable);
        }
    }
}
