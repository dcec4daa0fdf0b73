package org.meshledger.query.console;

import java.time.Clock;
import org.meshledger.query.drift.DriftQueries;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a page with a live drift feed renders: its newest entries, and the stream that continues from them. */
@Component
class ConsoleDrift {

    static final int SHOWN = 20;

    private final DriftQueries queries;
    private final Clock clock;

    ConsoleDrift(DriftQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Puts the feed of one product, or of the mesh when {@code productId} is null, into {@code model}: its newest
     * entries, and the stream that continues from the cursor they are complete up to, so none falls between them.
     */
    void addFeed(String productId, Model model) {
        DriftQueries.Newest newest = queries.newest(productId, SHOWN, clock.instant());
        model.addAttribute("drift", newest.entries());
        model.addAttribute("driftStream", DriftFeedController.streamFor(productId, newest.cursor()));
    }
}
