package org.meshledger.query.drift;

import java.time.Duration;
import java.util.List;
import org.meshledger.platform.web.Blocking;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Drift entries as they are stored, for live readers: the API's event stream and the console's feed. Each reader
 * polls from its own position, so a slow one never holds back another.
 */
@Component
public class DriftFeed {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final DriftStreamReader reader;

    DriftFeed(DriftStreamReader reader) {
        this.reader = reader;
    }

    /** The cursor of the newest entry handed out: a feed that starts here shows what comes next. */
    public long latest() {
        return reader.latest();
    }

    /** Every entry after {@code cursor} that {@code filter} accepts, in cursor order, and then each as it comes. */
    public Flux<DriftEntry> after(long cursor, DriftFilter filter) {
        DriftStreamReader.Position position = reader.from(cursor);
        return Flux.interval(Duration.ZERO, POLL)
                .concatMap(tick -> Blocking.call(() -> reader.next(position)), 1)
                .concatMapIterable(List::copyOf)
                .filter(filter::accepts)
                .map(entry -> entry.asOf(filter.now()));
    }

    /**
     * {@code events} with a comment now and then, so proxies keep the connection open. The first goes out at once:
     * a client learns it is connected before any entry arrives.
     */
    public static <T> Flux<ServerSentEvent<T>> withHeartbeats(Flux<ServerSentEvent<T>> events) {
        Flux<ServerSentEvent<T>> heartbeats = Flux.interval(Duration.ZERO, HEARTBEAT)
                .map(tick -> ServerSentEvent.<T>builder().comment("keep-alive").build());
        return Flux.merge(events, heartbeats);
    }
}
