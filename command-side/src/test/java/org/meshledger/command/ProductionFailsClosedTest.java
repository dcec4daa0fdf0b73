package org.meshledger.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A production service started without its identity provider refuses to start, instead of accepting the development
 * tokens anyone can read in the docs; one given an issuer but no audience refuses too, instead of taking the
 * issuer's tokens for every other service.
 */
class ProductionFailsClosedTest {

    @Test
    void givenNoIssuerAndNoDevelopmentTokens_whenTheCommandSideStarts_thenItRefusesNamingTheSetting() {
        assertThatThrownBy(ProductionFailsClosedTest::start)
                .rootCause()
                .hasMessageContaining("No JWT issuer is configured")
                .hasMessageContaining("meshledger.security.jwt.issuer");
    }

    @Test
    void givenAnIssuerWithoutAudience_whenTheCommandSideStarts_thenItRefusesNamingTheSetting() {
        assertThatThrownBy(() -> start(
                        "--meshledger.security.jwt.issuer=https://idp.test.meshledger.org",
                        "--meshledger.security.jwt.jwk-set-uri=http://127.0.0.1:9/jwks.json"))
                .rootCause()
                .hasMessageContaining("meshledger.security.jwt.audiences");
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 3];
        // the side's own configuration as shipped, without the tests' evaluation set-up
        all[0] = "--spring.config.location=classpath:/" + CommandSideApplication.CONFIG_NAME + ".yml";
        all[1] = "--spring.data.mongodb.uri=" + TestStore.uri();
        all[2] = "--server.port=0";
        System.arraycopy(args, 0, all, 3, args.length);
        new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.REACTIVE)
                .run(all)
                .close();
    }
}
