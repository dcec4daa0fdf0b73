package org.meshledger.query.console;

import java.security.Principal;
import java.util.Set;
import org.meshledger.platform.security.Callers;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every console page shows around its content: who is signed in, what their role may open, the CSRF token. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("caller")
    Mono<Caller> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(Caller::of);
    }

    public record Caller(String actor, Set<String> roles) {

        static Caller of(Principal principal) {
            return new Caller(principal.getName(), Callers.roles(principal));
        }

        public boolean mayAudit() {
            return roles.contains("AUDITOR") || roles.contains("STEWARD");
        }

        public boolean isSteward() {
            return roles.contains("STEWARD");
        }
    }
}
