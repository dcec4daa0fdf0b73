package org.meshledger.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side alone: takes commands over HTTP and appends events (port 8081). */
@SpringBootApplication(scanBasePackages = {"org.meshledger.command", "org.meshledger.platform"})
public class CommandSideApplication {

    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
