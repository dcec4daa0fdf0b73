package org.meshledger.launcher;

import org.meshledger.launcher.store.EmbeddedStoreInitializer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Both sides in one process on port 8080: what a newcomer runs first. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {
            "org.meshledger.launcher",
            "org.meshledger.platform",
            "org.meshledger.command",
            "org.meshledger.query"
        },
        excludeFilters = {
            // each side's own application class would scan its side a second time
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)
        })
public class MeshLedgerApplication {

    public static final String CONFIG_NAME = "meshledger";

    public static void main(String[] args) {
        if (args.length > 0 && MigrateEventsCommand.NAME.equals(args[0])) {
            System.exit(MigrateEventsCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        new SpringApplicationBuilder(MeshLedgerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .initializers(new EmbeddedStoreInitializer())
                .run(args);
    }
}
