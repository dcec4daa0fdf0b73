package org.meshledger.command.config;

import java.util.Set;
import org.meshledger.command.governance.Stewards;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    Stewards stewards(@Value("${meshledger.governance.stewards}") Set<String> stewards) {
        return new Stewards(stewards);
    }
}
