package org.meshledger.command.web;

import java.util.List;
import java.util.stream.Collectors;
import org.meshledger.api.error.FieldError;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request whose shape is wrong in ways annotations cannot say (ranges that depend on other parts). */
public class InvalidRequest extends ErrorResponseException {

    public InvalidRequest(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static ProblemDetail problem(List<FieldError> errors) {
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request is not valid", detail), errors);
    }
}
