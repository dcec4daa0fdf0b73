package org.meshledger.query.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The console's own stylesheet and script, and the webjars it uses (htmx and its SSE extension), all served by the
 * app itself: nothing is loaded from another origin. Static resources are otherwise off: an unknown API path is a
 * 404 problem, never a file lookup.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAssets implements WebFluxConfigurer {

    static final String PATH = "/ui/assets/";
    static final String VENDOR = PATH + "vendor/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(VENDOR + "**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        registry.addResourceHandler(PATH + "**").addResourceLocations("classpath:/console-assets/");
    }
}
