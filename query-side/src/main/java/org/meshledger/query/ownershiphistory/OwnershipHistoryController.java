package org.meshledger.query.ownershiphistory;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.ownershiphistory.TeamHistories.TeamProductHistory;
import org.meshledger.query.support.InvalidQuery;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What a team owned over a time; one product's history is read by {@link ProductOwnershipHistoryRoute}. */
@RestController
class OwnershipHistoryController {

    private final TeamHistories histories;

    OwnershipHistoryController(TeamHistories histories) {
        this.histories = histories;
    }

    @GetMapping("/api/teams/{team}/ownership-history")
    Mono<Page<TeamProductHistory>> team(
            @PathVariable @Pattern(regexp = Ids.ID) String team,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQuery(List.of(new FieldError("to", "must be later than from")));
        }
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> {
            List<TeamProductHistory> owned = histories.ownedBy(team, from, to);
            List<TeamProductHistory> items =
                    owned.stream().skip(paging.offset()).limit(paging.size()).toList();
            return new Page<>(items, paging.page(), paging.size(), owned.size());
        });
    }
}
