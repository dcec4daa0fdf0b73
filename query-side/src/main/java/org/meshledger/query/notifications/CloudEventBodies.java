package org.meshledger.query.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.meshledger.api.model.NotificationKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A notification as sent: a CloudEvent 1.0 in structured mode, its data inline JSON. */
@Component
class CloudEventBodies {

    /** The media type of a CloudEvent in structured mode, JSON-encoded. */
    static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final ObjectMapper DATA = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final URI source;
    private final EventFormat format = new JsonFormat();

    CloudEventBodies(@Value("${meshledger.notifications.source:urn:meshledger}") URI source) {
        this.source = source;
    }

    String body(String id, NotificationKind kind, String subject, Instant time, Map<String, Object> data) {
        byte[] json;
        try {
            json = DATA.writeValueAsBytes(data);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("A notification's data could not be written as JSON", unwritable);
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(source)
                .withType(kind.type())
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json)
                .build();
        return new String(format.serialize(event), StandardCharsets.UTF_8);
    }
}
