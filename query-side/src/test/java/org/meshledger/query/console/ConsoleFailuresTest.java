package org.meshledger.query.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.meshledger.platform.web.ProblemAdvice;
import org.meshledger.platform.web.ProblemTranslator;
import org.meshledger.platform.web.RequestMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

/** What a person sees when a console page fails, whichever side the failure is on. */
class ConsoleFailuresTest {

    private final ProblemTranslator translator = new ProblemTranslator();

    @Test
    void givenAFaultOnThisSide_whenAPageFails_thenAnHtmlPageSaysSoWithItsReferenceAndNothingOfTheFault() {
        MockServerWebExchange exchange = exchange("/ui/products/claims.a");
        exchange.getResponse().getHeaders().set(RequestMetadata.CORRELATION_HEADER, "c0ffee-42");

        ResponseEntity<?> page = new ConsoleFailures.InPages(translator, new ProblemAdvice(translator))
                .failed(new IllegalStateException("connection to 10.0.0.7 refused"), exchange);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
        assertThat((String) page.getBody())
                .contains("<h1>500 Internal Server Error</h1>", "nothing was changed", "reference c0ffee-42")
                .doesNotContain("10.0.0.7");
    }

    @Test
    void givenAFailureOutsideTheConsole_whenDispatched_thenTheApisProblemAnswers() {
        ResponseEntity<?> problem = new ConsoleFailures.InPages(translator, new ProblemAdvice(translator))
                .failed(new ResponseStatusException(HttpStatus.NOT_FOUND), exchange("/api/no-such-resource"));

        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.getBody()).isInstanceOf(ProblemDetail.class);
    }

    @Test
    void givenNoSuchPage_whenAskedUnderUi_thenA404PageAndElsewhereTheApisProblemStill() {
        MockServerWebExchange page = exchange("/ui/no-such-page");
        new ConsoleFailures.OutsidePages(translator)
                .handle(page, new ResponseStatusException(HttpStatus.NOT_FOUND, "No <b>such</b> page"))
                .block();
        assertThat(page.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getResponse().getBodyAsString().block())
                .contains("<h1>404 Not Found</h1>")
                .doesNotContain("<b>");

        MockServerWebExchange api = exchange("/api/no-such-resource");
        ResponseStatusException missing = new ResponseStatusException(HttpStatus.NOT_FOUND);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConsoleFailures.OutsidePages(translator)
                        .handle(api, missing)
                        .block())
                .isSameAs(missing);
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path).accept(MediaType.TEXT_HTML));
    }
}
