package org.meshledger.query.console;

import java.time.Clock;
import java.util.List;
import org.meshledger.query.drift.DriftEntry;
import org.meshledger.query.drift.DriftFeed;
import org.meshledger.query.drift.DriftFilter;
import org.meshledger.query.drift.DriftQueries;
import org.meshledger.query.support.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a page with a live drift feed renders: its newest entries, and the stream that continues from them. */
@Component
class ConsoleDrift {

    static final int SHOWN = 20;

    private final DriftQueries queries;
    private final DriftFeed feed;
    private final Clock clock;

    ConsoleDrift(DriftQueries queries, DriftFeed feed, Clock clock) {
        this.queries = queries;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * Puts the feed of one product, or of the mesh when {@code productId} is null, into {@code model}. The cursor is
     * read before the entries: an entry stored in between is then both listed and streamed, and the page shows it
     * once, rather than neither.
     */
    void addFeed(String productId, Model model) {
        long cursor = feed.latest();
        DriftFilter filter = productId == null
                ? DriftFilter.ofMesh(clock.instant())
                : DriftFilter.ofProduct(productId, clock.instant());
        List<DriftEntry> newest =
                queries.newestFirst(filter, new PageRequest(0, SHOWN)).items();
        model.addAttribute("drift", newest);
        model.addAttribute("driftStream", DriftFeedController.streamFor(productId, cursor));
    }
}
