package org.meshledger.platform.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.endpoint.web.reactive.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot tries the actuator's handler mappings before the application's, so every API request was first matched
 * against each actuator endpoint, whose {@code produces} conditions are checked against the request's {@code Accept}
 * header before its path: part of the seventh of the HTTP threads' time that a product read spent finding its
 * handler. After the application's routes, an API request finds its own first; an actuator request still reaches its
 * endpoint, because no application route lies under {@code /actuator}.
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorMappingOrder {

    /** Right after the annotated controllers' mapping (order 0), before any resource mapping. */
    public static final int AFTER_APPLICATION_ROUTES = 1;

    @Bean
    static BeanPostProcessor actuatorMappingsAfterApplicationRoutes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractWebFluxEndpointHandlerMapping actuatorMapping) {
                    actuatorMapping.setOrder(AFTER_APPLICATION_ROUTES);
                }
                return bean;
            }
        };
    }
}
