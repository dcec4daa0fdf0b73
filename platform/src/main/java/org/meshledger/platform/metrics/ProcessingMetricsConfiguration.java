package org.meshledger.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Processor metrics in place of axon-micrometer's (axon.metrics.auto-configuration.enabled: false). Those register
 * four timers per event, each keeping six percentiles computed in the process, which Prometheus cannot aggregate
 * across replicas; that bookkeeping was about a tenth of a view's catch-up. Commands are timed by their HTTP requests.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingMetricsConfiguration {

    @Bean
    ConfigurerModule processingMetrics(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(
                configuration -> (componentType, componentName) -> EventProcessor.class.isAssignableFrom(componentType)
                        ? new HandledEvents(registry, componentName)
                        : NoOpMessageMonitor.instance());
    }
}
