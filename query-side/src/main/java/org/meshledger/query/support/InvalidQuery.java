package org.meshledger.query.support;

import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A query parameter that cannot be answered as given. */
public class InvalidQuery extends ErrorResponseException {

    public InvalidQuery(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, Problems.invalid("INVALID_QUERY", "The query is not valid", errors), null);
    }
}
