package org.meshledger.query.console;

import java.net.URI;
import org.meshledger.platform.security.ConsoleIdentities;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's front door: the redirect a browser gets at {@code /}, and the sign-in page. */
@Controller
class ConsoleController {

    @GetMapping(
            value = {"/", "/ui"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> toTheConsole() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/ui/"))
                .build();
    }

    @GetMapping("/ui/sign-in")
    String signIn(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String signedOut,
            Model model) {
        model.addAttribute("identities", ConsoleIdentities.offered());
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "console/sign-in";
    }
}
