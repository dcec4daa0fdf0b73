package org.meshledger.command.contract;

import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A body that is not an ODCS v3 document this product can judge. */
public class InvalidContract extends ErrorResponseException {

    private final List<FieldError> errors;

    public InvalidContract(List<FieldError> errors) {
        super(
                HttpStatus.BAD_REQUEST,
                Problems.invalid("NOT_ODCS", "The body is not a supported ODCS contract", errors),
                null);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
