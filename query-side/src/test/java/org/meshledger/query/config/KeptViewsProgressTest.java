package org.meshledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.eventstore.EventLogHead;

class KeptViewsProgressTest {

    private static final GapAwareTrackingToken FOLLOWED_FROM = GapAwareTrackingToken.newInstance(100, List.of(98L));

    private final Map<String, Collection<EventTrackerStatus>> segments = new HashMap<>();
    private final Map<Long, Long> abandonedUpTo = new HashMap<>();
    private final KeptViewsProgress progress = new KeptViewsProgress(
            () -> Set.of("catalog", "ownership"), view -> segments.getOrDefault(view, List.of()), new EventLogHead() {
                @Override
                public long nextIndex() {
                    return 400;
                }

                @Override
                public long readThrough(long position) {
                    return abandonedUpTo.getOrDefault(position, position);
                }
            });

    @Test
    void givenBothViewsAtOrPastWhereTheLogWasFollowedFrom_thenTheyHaveReadPastIt() {
        segments.put("catalog", List.of(at(Segment.ROOT_SEGMENT, 100, 98)));
        segments.put("ownership", List.of(at(Segment.ROOT_SEGMENT, 130)));
        assertThat(progress.test(FOLLOWED_FROM)).isTrue();
    }

    @Test
    void givenOneViewBehind_thenNot() {
        segments.put("catalog", List.of(at(Segment.ROOT_SEGMENT, 130)));
        segments.put("ownership", List.of(at(Segment.ROOT_SEGMENT, 99)));
        assertThat(progress.test(FOLLOWED_FROM)).isFalse();
    }

    @Test
    void givenAViewWhoseLastEventIsFollowedByAbandonedIndexesOnly_thenItHasReadPastThem() {
        segments.put("catalog", List.of(at(Segment.ROOT_SEGMENT, 130)));
        segments.put("ownership", List.of(at(Segment.ROOT_SEGMENT, 90)));
        abandonedUpTo.put(90L, 100L);
        assertThat(progress.test(FOLLOWED_FROM)).isTrue();
    }

    @Test
    void givenAViewStillWaitingOnAGapTheTailDoesNotWaitOn_thenNot() {
        segments.put("catalog", List.of(at(Segment.ROOT_SEGMENT, 130, 97)));
        segments.put("ownership", List.of(at(Segment.ROOT_SEGMENT, 130)));
        assertThat(progress.test(FOLLOWED_FROM))
                .as("below where the log was followed from")
                .isFalse();

        segments.put("catalog", List.of(at(Segment.ROOT_SEGMENT, 130, 100)));
        assertThat(progress.test(FOLLOWED_FROM))
                .as("at it: the tail reads only after it")
                .isFalse();

        segments.put("catalog", List.of(at(Segment.ROOT_SEGMENT, 130, 98, 101)));
        assertThat(progress.test(FOLLOWED_FROM))
                .as("one the tail waits on, and one after")
                .isTrue();
    }

    @Test
    void givenAViewWithHalfItsSegmentsHereOrNoneAtAll_thenNot() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        segments.put("catalog", List.of(at(halves[0], 130)));
        segments.put("ownership", List.of(at(Segment.ROOT_SEGMENT, 130)));
        assertThat(progress.test(FOLLOWED_FROM))
                .as("half of the catalog's segments")
                .isFalse();

        segments.put("catalog", List.of(at(halves[0], 130), at(halves[1], 120)));
        assertThat(progress.test(FOLLOWED_FROM)).as("both halves").isTrue();

        segments.remove("ownership");
        assertThat(progress.test(FOLLOWED_FROM))
                .as("no ownership processor here")
                .isFalse();
    }

    @Test
    void givenNoViewNamedYet_thenNothingCountsAsRead() {
        KeptViewsProgress beforeTheRoutes =
                new KeptViewsProgress(Set::of, view -> List.of(at(Segment.ROOT_SEGMENT, 130)), () -> 400);
        assertThat(beforeTheRoutes.test(FOLLOWED_FROM)).isFalse();
    }

    @Test
    void givenTheLogEmptyWhenFollowed_thenThereWasNothingToRead() {
        assertThat(progress.test(null)).isTrue();
    }

    private static EventTrackerStatus at(Segment segment, long index, long... gaps) {
        return new Status(
                segment,
                GapAwareTrackingToken.newInstance(
                        index, LongStream.of(gaps).boxed().toList()));
    }

    private record Status(Segment getSegment, TrackingToken getTrackingToken) implements EventTrackerStatus {

        @Override
        public boolean isCaughtUp() {
            return true;
        }

        @Override
        public boolean isReplaying() {
            return false;
        }

        @Override
        public boolean isMerging() {
            return false;
        }

        @Override
        public OptionalLong mergeCompletedPosition() {
            return OptionalLong.empty();
        }

        @Override
        public boolean isErrorState() {
            return false;
        }

        @Override
        public Throwable getError() {
            return null;
        }

        @Override
        public OptionalLong getCurrentPosition() {
            return getTrackingToken.position();
        }

        @Override
        public OptionalLong getResetPosition() {
            return OptionalLong.empty();
        }
    }
}
