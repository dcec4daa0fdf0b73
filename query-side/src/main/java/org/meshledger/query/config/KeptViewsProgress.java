package org.meshledger.query.config;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.meshledger.platform.eventstore.EventLogHead;

/**
 * Whether the views whose product documents are kept ({@code ViewCache}) have read every event up to a position:
 * each is processed in this process, over all of its segments, at tokens that cover it. A view shared with other
 * replicas never counts as having read it, since their tokens are not known here; its kept documents then stay
 * bounded by their maximum age.
 */
final class KeptViewsProgress implements Predicate<TrackingToken> {

    private final Supplier<Set<String>> keptViews;
    private final Function<String, Collection<EventTrackerStatus>> segmentsHere;
    private final EventLogHead log;

    /**
     * @param segmentsHere the segments of a view processed in this process, none when it is not processed here
     */
    KeptViewsProgress(
            Supplier<Set<String>> keptViews,
            Function<String, Collection<EventTrackerStatus>> segmentsHere,
            EventLogHead log) {
        this.keptViews = keptViews;
        this.segmentsHere = segmentsHere;
        this.log = log;
    }

    /** @param position where the log was followed from; none when it was empty, so there was nothing to read */
    @Override
    public boolean test(TrackingToken position) {
        if (position == null) {
            return true;
        }
        // no view named yet means the routes that keep documents are not made yet: nothing to judge by
        Set<String> views = keptViews.get();
        return !views.isEmpty() && views.stream().allMatch(view -> readPast(segmentsHere.apply(view), position));
    }

    private boolean readPast(Collection<EventTrackerStatus> segments, TrackingToken position) {
        double shareOfSegments = 0;
        for (EventTrackerStatus segment : segments) {
            if (!covers(segment.getTrackingToken(), position)) {
                return false;
            }
            shareOfSegments += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return shareOfSegments >= 1.0;
    }

    /**
     * Whether a view's token has read every event before {@code position}: up to it, counting the abandoned indexes
     * after the view's last event (its token cannot move past them), and with no gap open up to it that the tail does
     * not wait on too. Tokens of other kinds (a replay under way, another engine's) do not count.
     */
    private boolean covers(TrackingToken token, TrackingToken position) {
        if (!(token instanceof GapAwareTrackingToken read) || !(position instanceof GapAwareTrackingToken head)) {
            return false;
        }
        return log.readThrough(read.getIndex()) >= head.getIndex()
                && head.getGaps().containsAll(read.getGaps().headSet(head.getIndex() + 1));
    }
}
