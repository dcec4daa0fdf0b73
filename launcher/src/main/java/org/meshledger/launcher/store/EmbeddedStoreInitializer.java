package org.meshledger.launcher.store;

import java.nio.file.Path;
import java.util.Map;
import org.meshledger.embeddedstore.EmbeddedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no MongoDB URI configured, starts the embedded evaluation store before anything connects to it, and stops it
 * after everything else has stopped. With a URI configured it starts nothing.
 */
public final class EmbeddedStoreInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreInitializer.class);
    private static final String URI_PROPERTY = "spring.data.mongodb.uri";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.containsProperty(URI_PROPERTY)) {
            log.info("Using the MongoDB configured by {}; no embedded store started", URI_PROPERTY);
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("meshledger.embedded-store.data-dir", "data"));
        int port = environment.getProperty("meshledger.embedded-store.port", Integer.class, 0);
        EmbeddedStore store = EmbeddedStore.inDirectory(dataDirectory, "127.0.0.1", port);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("embeddedStore", Map.of(URI_PROPERTY, store.connectionString())));
        // Registered first, so destroyed last: every processor and writer has stopped before the store goes.
        context.getBeanFactory().registerSingleton("embeddedStore", store);
        log.warn(
                "EVALUATION STORE: no MongoDB URI is configured, so MeshLedger runs on its embedded store at {} "
                        + "with data in {}. It is for trying the product, not for production: set {} to a MongoDB "
                        + "replica set.",
                store.connectionString(),
                dataDirectory.toAbsolutePath(),
                URI_PROPERTY);
    }
}
