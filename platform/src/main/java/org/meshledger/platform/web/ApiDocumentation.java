package org.meshledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: what the API is, and that every call carries a bearer token, so the explorer at
 * {@code /swagger-ui.html} (open to anyone) offers to send one with each call it makes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI meshLedgerApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("MeshLedger API")
                        .version("v1")
                        .description("Data products' ownership, contracts and SLOs as an audited event log, and the"
                                + " views read from it."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A JWT from the configured issuer; on the embedded default, one"
                                                + " of the development tokens (dev-viewer, dev-auditor,"
                                                + " dev-integration, dev-steward)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
