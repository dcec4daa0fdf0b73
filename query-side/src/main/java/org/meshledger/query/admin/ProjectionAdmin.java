package org.meshledger.query.admin;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.bson.Document;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.stereotype.Component;

/** Each view's processor as an operator sees it, and the replay that rebuilds a view from the event store. */
@Component
public class ProjectionAdmin {

    public static final List<String> VIEWS =
            List.of("product-catalog", "ownership-history", "contract-versions", "compliance", "drift-timeline");

    private final EventProcessingConfiguration processing;
    private final ReplayProgress progress;
    private final MongoCollection<Document> events;

    ProjectionAdmin(
            EventProcessingConfiguration processing,
            ReplayProgress progress,
            MongoClient mongoClient,
            StoreProperties store) {
        this.processing = processing;
        this.progress = progress;
        this.events = mongoClient.getDatabase(store.database()).getCollection("domainevents");
    }

    public List<ProjectionStatus> all() {
        return VIEWS.stream().map(this::status).flatMap(Optional::stream).toList();
    }

    public Optional<ProjectionStatus> status(String view) {
        return processor(view).map(processor -> {
            List<EventTrackerStatus> segments =
                    List.copyOf(processor.processingStatus().values());
            boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
            boolean replaying = progress.replaying(
                    view, segments.stream().anyMatch(EventTrackerStatus::isReplaying), !segments.isEmpty());
            Instant position = segments.stream()
                    .map(segment -> timestampOf(segment.getTrackingToken()))
                    .flatMap(Optional::stream)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            long lag = caughtUp && !replaying ? 0 : eventsAfter(position);
            return new ProjectionStatus(
                    view,
                    processor.isRunning(),
                    segments.size(),
                    position,
                    lag,
                    caughtUp,
                    replaying,
                    progress.progress(view, replaying));
        });
    }

    /** Rebuilds the view from the first event; the service keeps answering from the view as it refills. */
    public Optional<ProjectionStatus> replay(String view) {
        return processor(view).map(processor -> {
            progress.started(view, events.countDocuments());
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            return status(view).orElseThrow();
        });
    }

    private Optional<StreamingEventProcessor> processor(String view) {
        if (!VIEWS.contains(view)) {
            return Optional.empty();
        }
        return processing.eventProcessor(view, StreamingEventProcessor.class);
    }

    private long eventsAfter(Instant position) {
        return position == null
                ? events.countDocuments()
                : events.countDocuments(Filters.gt("timestamp", DateTimeUtils.formatInstant(position)));
    }

    private static Optional<Instant> timestampOf(TrackingToken token) {
        TrackingToken unwrapped = WrappedToken.unwrapLowerBound(token);
        return unwrapped instanceof MongoTrackingToken mongo ? Optional.of(mongo.getTimestamp()) : Optional.empty();
    }
}
