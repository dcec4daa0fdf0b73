package org.meshledger.command.web;

import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request whose shape is wrong in ways annotations cannot say (ranges that depend on other parts). */
public class InvalidRequest extends ErrorResponseException {

    public InvalidRequest(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, Problems.invalid("INVALID_REQUEST", "The request is not valid", errors), null);
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
