package org.meshledger.api.error;

import java.util.List;

/** A command refused by a rule; nothing was recorded. {@code errors} names the parts at fault, where there are several. */
public class RuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;

    public RuleViolation(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public RuleViolation(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
