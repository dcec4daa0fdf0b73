package org.meshledger.query.admin;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.meshledger.platform.eventstore.EventLogHead;
import org.meshledger.query.support.ViewCaches;
import org.springframework.stereotype.Component;

/** Each view's processor as an operator sees it, and the replay that rebuilds a view from the event store. */
@Component
public class ProjectionAdmin {

    public static final List<String> VIEWS =
            List.of("product-catalog", "ownership-history", "contract-versions", "compliance", "drift-timeline");

    private final EventProcessingConfiguration processing;
    private final ReplayProgress progress;
    private final EventLogHead head;
    private final ViewCaches caches;

    ProjectionAdmin(
            EventProcessingConfiguration processing, ReplayProgress progress, EventLogHead head, ViewCaches caches) {
        this.processing = processing;
        this.progress = progress;
        this.head = head;
        this.caches = caches;
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
                    view, segments.stream().anyMatch(ProjectionAdmin::stillReplaying), !segments.isEmpty());
            long position = segments.stream()
                    .mapToLong(segment -> positionOf(segment.getTrackingToken()))
                    .min()
                    .orElse(-1);
            // measured even once caught up: Axon's caught-up flag stays set while a view falls behind again
            long lag = Math.max(0, head.nextIndex() - 1 - head.readThrough(position));
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
            progress.started(view, head.nextIndex());
            processor.shutDown();
            processor.resetTokens();
            // only now that the reset has dropped the view's documents: a read that loaded one before is not kept
            caches.forget(view);
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

    /**
     * A segment replays while its token is a replay's whose current position has not yet reached the position the
     * log had when the replay began. Axon's status hands out the replay's current token unwrapped, so the token
     * itself cannot say; and Axon's own flag stays set after the replay on a quiet log (a minute later, measured),
     * because a replay that ends exactly at its reset position is never marked done.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        OptionalLong resetAt = segment.getResetPosition();
        if (resetAt.isEmpty()) {
            return false;
        }
        TrackingToken reached = segment.getTrackingToken();
        return reached == null || reached.position().orElse(-1) < resetAt.getAsLong();
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
