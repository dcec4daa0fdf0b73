package org.meshledger.query.subscriptions;

import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.security.Callers;
import org.meshledger.platform.security.Role;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Subscriptions as they stand, never with their secrets: a steward's or an auditor's every one, an integration's
 * those of registered teams of its own domains.
 */
@RestController
class SubscriptionsController {

    private final MongoTemplate mongo;

    SubscriptionsController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/subscriptions")
    Mono<Page<SubscriptionRecord>> list(
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String subscriberTeam,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Principal caller) {
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> {
            Query query = subscriberTeam == null
                    ? new Query()
                    : Query.query(Criteria.where("subscriberTeam").is(subscriberTeam));
            List<SubscriptionRecord> visible = mongo.find(query.with(Sort.by("_id")), SubscriptionRecord.class).stream()
                    .filter(new Visibility(caller)::shows)
                    .toList();
            List<SubscriptionRecord> items =
                    visible.stream().skip(paging.offset()).limit(paging.size()).toList();
            return new Page<>(items, paging.page(), paging.size(), visible.size());
        });
    }

    @GetMapping("/api/subscriptions/{subscriptionId}")
    Mono<SubscriptionRecord> one(
            @PathVariable @Pattern(regexp = Ids.SUBSCRIPTION_ID) String subscriptionId, Principal caller) {
        return Blocking.call(() -> mongo.findById(subscriptionId, SubscriptionRecord.class))
                .filter(new Visibility(caller)::shows)
                .switchIfEmpty(Mono.error(() ->
                        new NotFound("SUBSCRIPTION_NOT_FOUND", "No subscription '%s'".formatted(subscriptionId))));
    }

    /** Which teams' subscriptions the caller may see: an integration's, registered teams of its domains only. */
    private final class Visibility {

        private final Principal caller;
        private Map<String, String> domainsOfTeams;

        Visibility(Principal caller) {
            this.caller = caller;
        }

        boolean shows(SubscriptionRecord subscription) {
            if (!Callers.roles(caller).contains(Role.INTEGRATION.name()) || Callers.isSteward(caller)) {
                return true;
            }
            String domain = domains().get(subscription.subscriberTeam());
            return domain != null && Callers.mayChange(caller, domain);
        }

        private Map<String, String> domains() {
            if (domainsOfTeams == null) {
                Set<String> fields = Set.of("_id", "domain");
                Query teams = new Query();
                fields.forEach(teams.fields()::include);
                domainsOfTeams = mongo.find(teams, org.bson.Document.class, "team_records").stream()
                        .collect(Collectors.toMap(team -> team.getString("_id"), team -> team.getString("domain")));
            }
            return domainsOfTeams;
        }
    }
}
