package org.meshledger.query.drift;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.drift.DriftKind.Severity;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Drift entries live, as server-sent events whose ids are cursors. A client that reconnects with
 * {@code Last-Event-ID} gets every entry after it, once; one that connects afresh gets entries from now on.
 */
@RestController
class DriftStreamController {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final DriftStreamReader reader;
    private final Clock clock;

    DriftStreamController(DriftStreamReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping(value = "/api/drift/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<DriftEntry>> stream(
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String domain,
            @RequestParam(required = false) Severity severity,
            @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId) {
        DriftFilter filter = new DriftFilter(null, domain, null, severity, null, null, clock.instant());
        return Blocking.call(() -> lastEventId != null ? lastEventId : reader.latest())
                .flatMapMany(start -> {
                    DriftStreamReader.Position position = reader.from(start);
                    Flux<ServerSentEvent<DriftEntry>> entries = Flux.interval(Duration.ZERO, POLL)
                            .concatMap(tick -> Blocking.call(() -> reader.next(position)), 1)
                            .concatMapIterable(List::copyOf)
                            .filter(filter::accepts)
                            .map(entry -> ServerSentEvent.builder(entry)
                                    .id(String.valueOf(entry.cursor()))
                                    .event(entry.kind().name())
                                    .build());
                    // the first comment goes out at once: a client learns it is connected before any entry arrives
                    Flux<ServerSentEvent<DriftEntry>> heartbeats = Flux.interval(Duration.ZERO, HEARTBEAT)
                            .map(tick -> ServerSentEvent.<DriftEntry>builder()
                                    .comment("keep-alive")
                                    .build());
                    return Flux.merge(entries, heartbeats);
                });
    }
}
