package org.meshledger.query.support;

import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Parameters that break their rules: the problem a controller's parameter validation answers with. */
public class InvalidParameters extends ErrorResponseException {

    public InvalidParameters(List<FieldError> errors) {
        super(
                HttpStatus.BAD_REQUEST,
                Problems.invalid("INVALID_REQUEST", "The request is not valid", List.copyOf(errors)),
                null);
    }
}
