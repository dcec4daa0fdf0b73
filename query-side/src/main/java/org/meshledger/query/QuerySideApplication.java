package org.meshledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side alone: projects events into views and serves them over HTTP (port 8082). */
@SpringBootApplication(scanBasePackages = {"org.meshledger.query", "org.meshledger.platform"})
public class QuerySideApplication {

    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
