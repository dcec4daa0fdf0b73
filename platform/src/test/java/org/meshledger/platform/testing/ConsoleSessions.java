package org.meshledger.platform.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/** Signs in to the console as a person does, through its form with its CSRF token: the session cookie's value. */
public final class ConsoleSessions {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleSessions() {}

    public static String signIn(WebClient web, String identity) {
        Map.Entry<String, String> signInPage = web.get()
                .uri("/ui/sign-in")
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .map(form ->
                                Map.entry(response.cookies().getFirst("SESSION").getValue(), form)))
                .block();
        Matcher token = CSRF.matcher(signInPage.getValue());
        if (!token.find()) {
            throw new AssertionError("the sign-in form carries no CSRF token");
        }
        return web.post()
                .uri("/ui/sign-in")
                .cookie("SESSION", signInPage.getKey())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("identity", identity).with("_csrf", token.group(1)))
                .exchangeToMono(response -> {
                    ResponseCookie signedIn = response.cookies().getFirst("SESSION");
                    return response.releaseBody()
                            .thenReturn(signedIn == null ? signInPage.getKey() : signedIn.getValue());
                })
                .block();
    }

    /** A console page's HTML, as the signed-in person sees it. */
    public static String page(WebClient web, String session, String path) {
        return web.get()
                .uri(path)
                .cookie("SESSION", session)
                .retrieve()
                .bodyToMono(String.class)
                .block();
    }
}
