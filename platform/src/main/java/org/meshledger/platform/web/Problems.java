package org.meshledger.platform.web;

import java.net.URI;
import java.util.List;
import org.meshledger.api.error.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details, each naming the rule that was broken by a stable {@code type} and {@code code}. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:meshledger:problem:";

    /** The property of a problem that is also sent as {@code Retry-After}. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(
                URI.create(TYPE_PREFIX + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** The {@code Retry-After} header a problem asks for, if any. */
    public static java.util.Optional<String> retryAfter(ProblemDetail problem) {
        Object seconds =
                problem.getProperties() == null ? null : problem.getProperties().get(RETRY_AFTER_SECONDS);
        return java.util.Optional.ofNullable(seconds).map(Object::toString);
    }

    /** A request refused before any rule of the API is asked: not a URI, or what the security firewall refuses. */
    public static ProblemDetail requestRejected(String detail) {
        return of(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "Request refused", detail);
    }

    /** A 400 listing every field at fault; its detail joins them so a human reading only the detail sees them all. */
    public static ProblemDetail invalid(String code, String title, List<FieldError> errors) {
        String detail = errors.stream()
                .map(error -> (error.field() + " " + error.message()).trim())
                .collect(java.util.stream.Collectors.joining("; "));
        return withErrors(of(HttpStatus.BAD_REQUEST, code, title, detail), errors);
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
