package org.meshledger.query.console;

import java.net.URI;
import org.meshledger.platform.security.ConsoleIdentities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/** The console's front door: the redirect a browser gets at {@code /}, and the sign-in page. */
@Controller
class ConsoleController {

    private final boolean singleSignOn;

    ConsoleController(@Value("${meshledger.security.jwt.issuer:}") String issuer) {
        this.singleSignOn = !issuer.isBlank();
    }

    @GetMapping(
            value = {"/", "/ui"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> toTheConsole() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/ui/"))
                .build();
    }

    @GetMapping("/ui/sign-in")
    String signIn(ServerWebExchange exchange, Model model) {
        // "?signedOut" and "?error" are flags without a value, which a request parameter would read as absent
        MultiValueMap<String, String> flags = exchange.getRequest().getQueryParams();
        model.addAttribute("singleSignOn", singleSignOn);
        model.addAttribute("start", ConsoleSignOnConfiguration.START);
        model.addAttribute("identities", singleSignOn ? java.util.List.of() : ConsoleIdentities.offered());
        model.addAttribute("failed", flags.containsKey("error"));
        model.addAttribute("signedOut", flags.containsKey("signedOut"));
        return "console/sign-in";
    }
}
