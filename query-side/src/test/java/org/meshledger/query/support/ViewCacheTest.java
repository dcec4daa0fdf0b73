package org.meshledger.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewCacheTest {

    private record Summary(String owner, long version) {}

    private final AtomicLong nanos = new AtomicLong();
    private final ProductEventsSeen seen = new ProductEventsSeen();
    private final ViewCache<Summary> cache =
            new ViewCache<>(seen, Summary::version, 100, Duration.ofSeconds(30), nanos::get);

    @BeforeEach
    void followTheLog() {
        seen.following(true);
    }

    @Test
    void givenAKeptDocument_whenAnEventOfItsProductIsSeen_thenItIsNoLongerAnsweredUntilAReadHoldsThatEvent() {
        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        assertThat(cache.current("p", null)).contains(new Summary("team-a", 3));

        seen.saw(productEvent("p", 4));
        assertThat(cache.current("p", null)).isEmpty();

        // read again before the view stored the change: still not answered
        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        assertThat(cache.current("p", null)).isEmpty();

        cache.read("p", () -> Optional.of(new Summary("team-b", 4)));
        assertThat(cache.current("p", null)).contains(new Summary("team-b", 4));
    }

    @Test
    void givenAnEventOfAnotherProductOrStream_whenSeen_thenTheKeptDocumentIsStillAnswered() {
        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        seen.saw(productEvent("q", 9));
        seen.saw(new GenericDomainEventMessage<>("SliObservations", "p", 12, "observed", MetaData.emptyInstance()));
        assertThat(cache.current("p", null)).contains(new Summary("team-a", 3));
    }

    @Test
    void givenALaterVersionKept_whenAnEarlierReadIsRemembered_thenTheLaterOneStays() {
        cache.read("p", () -> Optional.of(new Summary("team-b", 4)));
        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        assertThat(cache.current("p", null)).contains(new Summary("team-b", 4));
    }

    /** A view being rebuilt: a read that loaded its document before the reset must not keep it after. */
    @Test
    void givenTheCacheForgottenWhileAReadLoads_whenThatReadFinishes_thenItsDocumentIsNotKept() {
        cache.read("p", () -> {
            cache.forgetAll();
            return Optional.of(new Summary("damaged", 3));
        });
        assertThat(cache.current("p", null)).isEmpty();

        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        assertThat(cache.current("p", null)).contains(new Summary("team-a", 3));
        cache.forgetAll();
        assertThat(cache.current("p", null)).isEmpty();
    }

    @Test
    void givenAMinVersionAboveTheKeptOne_whenAsked_thenTheStoreMustBeRead() {
        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        assertThat(cache.current("p", 4L)).isEmpty();
        assertThat(cache.current("p", 3L)).contains(new Summary("team-a", 3));
    }

    @Test
    void givenADocumentReadLongerAgoThanTheMaximumAge_whenAsked_thenTheStoreMustBeRead() {
        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.current("p", null)).isPresent();
        nanos.addAndGet(1);
        assertThat(cache.current("p", null)).isEmpty();
    }

    @Test
    void givenTheViewsSettled_whenADocumentReadAfterwardsIsOlderThanTheMaximumAge_thenItIsStillAnswered() {
        cache.read("early", () -> Optional.of(new Summary("team-a", 3)));
        seen.settle();
        cache.read("late", () -> Optional.of(new Summary("team-a", 5)));
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());

        assertThat(cache.current("early", null))
                .as("read while the views settled")
                .isEmpty();
        assertThat(cache.current("late", null)).contains(new Summary("team-a", 5));
        seen.saw(productEvent("late", 6));
        assertThat(cache.current("late", null))
                .as("an event seen still ends it")
                .isEmpty();
    }

    @Test
    void givenTheViewsSettledDuringARead_whenItIsOlderThanTheMaximumAge_thenTheStoreMustBeRead() {
        cache.read("p", () -> {
            seen.settle();
            return Optional.of(new Summary("team-a", 3));
        });
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(cache.current("p", null)).isEmpty();
    }

    @Test
    void givenTheTailLost_whenFollowedAgain_thenNothingReadBeforeIsAnswered() {
        cache.read("p", () -> Optional.of(new Summary("team-a", 3)));
        seen.following(false);
        assertThat(cache.current("p", null)).isEmpty();
        cache.read("q", () -> Optional.of(new Summary("team-a", 1)));

        seen.following(true);
        assertThat(cache.current("p", null)).isEmpty();
        assertThat(cache.current("q", null)).isEmpty();
    }

    @Test
    void givenNoEntries_whenRemembered_thenNothingIsAnswered() {
        ViewCache<Summary> off = new ViewCache<>(seen, Summary::version, 0, Duration.ofSeconds(30), nanos::get);
        off.read("p", () -> Optional.of(new Summary("team-a", 3)));
        assertThat(off.current("p", null)).isEmpty();
    }

    static GenericDomainEventMessage<String> productEvent(String productId, long sequence) {
        return new GenericDomainEventMessage<>("DataProduct", productId, sequence, "changed", MetaData.from(Map.of()));
    }
}
