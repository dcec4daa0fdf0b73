package org.meshledger.command.config;

import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshledger.command.governance.Stewards;
import org.meshledger.command.team.ProductOwners;
import org.meshledger.command.team.ReadPosition;
import org.meshledger.command.team.TeamDirectory;
import org.meshledger.platform.eventstore.EventStoreConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    Stewards stewards(@Value("${meshledger.governance.stewards:}") Set<String> stewards) {
        return new Stewards(stewards);
    }

    @Bean
    TeamDirectory teamDirectory(EventStore eventStore) {
        return new TeamDirectory(eventStore);
    }

    @Bean
    ProductOwners productOwners(MongoTemplate mongo, EventStore eventStore) {
        return new ProductOwners(
                mongo, eventStore, new ReadPosition(mongo, EventStoreConfiguration.jacksonSerializer()));
    }
}
