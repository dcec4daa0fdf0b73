package org.meshledger.command.contract;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long the previous major stays supported once a new major is published. */
@Component
public class ContractPolicy {

    private final Duration deprecationWindow;

    public ContractPolicy(@Value("${meshledger.contracts.deprecation-window:P30D}") Duration deprecationWindow) {
        this.deprecationWindow = deprecationWindow;
    }

    public Duration deprecationWindow() {
        return deprecationWindow;
    }
}
