package org.meshledger.query.subscriptions;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.meshledger.platform.security.Callers;
import org.meshledger.platform.security.Role;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Which teams' subscriptions a caller may see: a steward's or an auditor's every one, an integration's those of
 * registered teams of its own domains. One per request: the teams' domains are read once, when first needed.
 */
final class SubscriptionVisibility {

    private final MongoTemplate mongo;
    private final Principal caller;
    private Map<String, String> domainsOfTeams;

    SubscriptionVisibility(MongoTemplate mongo, Principal caller) {
        this.mongo = mongo;
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
            Query teams = new Query();
            Set.of("_id", "domain").forEach(teams.fields()::include);
            domainsOfTeams = mongo.find(teams, org.bson.Document.class, "team_records").stream()
                    .collect(Collectors.toMap(team -> team.getString("_id"), team -> team.getString("domain")));
        }
        return domainsOfTeams;
    }
}
