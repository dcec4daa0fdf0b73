package org.meshledger.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.meshledger.api.error.BreakingChangesRefused;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.platform.security.ForbiddenDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebInputException;

/** Turns every failure into an RFC 9457 problem: a client mistake names its rule, a server fault hides its insides. */
@Component
public class ProblemTranslator {

    private static final Logger log = LoggerFactory.getLogger(ProblemTranslator.class);
    private static final int STORE_RETRY_AFTER_SECONDS = 5;

    public ProblemDetail translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        if (cause instanceof ForbiddenDomain forbidden) {
            return Problems.of(
                    HttpStatus.FORBIDDEN, "FORBIDDEN_DOMAIN", "Forbidden for this domain", forbidden.getMessage());
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return Problems.of(
                    HttpStatus.NOT_FOUND,
                    ErrorCode.PRODUCT_NOT_FOUND.name(),
                    ErrorCode.PRODUCT_NOT_FOUND.title(),
                    "No data product '%s'".formatted(notFound.getAggregateIdentifier()));
        }
        if (cause instanceof AggregateStreamCreationException) {
            return Problems.of(
                    HttpStatus.CONFLICT,
                    ErrorCode.PRODUCT_ALREADY_REGISTERED.name(),
                    ErrorCode.PRODUCT_ALREADY_REGISTERED.title(),
                    "A data product with this id is already registered");
        }
        if (cause instanceof ConcurrencyException) {
            return Problems.of(
                    HttpStatus.CONFLICT,
                    ErrorCode.CONCURRENT_MODIFICATION.name(),
                    ErrorCode.CONCURRENT_MODIFICATION.title(),
                    "Another command changed the data product at the same time; read it again and retry");
        }
        if (hasCause(failure, DataBufferLimitException.class)) {
            return Problems.of(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "REQUEST_TOO_LARGE",
                    "Request body too large",
                    "The body is larger than the accepted limit");
        }
        if (cause instanceof WebExchangeBindException invalid) {
            return invalidFields(invalid);
        }
        if (cause instanceof UnreadableParameter parameter) {
            return unreadableParameter(parameter.name(), parameter.value(), parameter.requiredType());
        }
        if (cause instanceof ServerWebInputException input) {
            return unreadableInput(input);
        }
        if (cause instanceof HandlerMethodValidationException invalid) {
            return invalidParameters(invalid);
        }
        if (cause instanceof ErrorResponse described) {
            return withCode(described);
        }
        if (hasCause(failure, MongoTimeoutException.class) || hasCause(failure, MongoSocketException.class)) {
            return storeUnavailable(failure);
        }
        log.error("Unexpected failure", failure);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "Internal error",
                "The request could not be completed; it is safe to retry with the same Idempotency-Key");
    }

    /**
     * The store did not answer within its timeouts (stopped, unreachable, or restarting): the request is answered
     * now instead of hanging, and the caller told when to try again.
     */
    private static ProblemDetail storeUnavailable(Throwable failure) {
        log.warn("The store did not answer: {}", failure.toString());
        ProblemDetail problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "STORE_UNAVAILABLE",
                "Store unavailable",
                "The ledger's store did not answer in time; retry later, a write with the same Idempotency-Key,"
                        + " which is recorded at most once");
        problem.setProperty(Problems.RETRY_AFTER_SECONDS, STORE_RETRY_AFTER_SECONDS);
        return problem;
    }

    /** Spring's own refusals (404, 405, 415, ...) keep their wording but gain a code like every other problem. */
    private static ProblemDetail withCode(ErrorResponse described) {
        ProblemDetail body = described.getBody();
        if (body.getProperties() == null || !body.getProperties().containsKey("code")) {
            HttpStatus status = HttpStatus.valueOf(body.getStatus());
            ProblemDetail coded = Problems.of(
                    status,
                    status.name(),
                    status.getReasonPhrase(),
                    body.getDetail() == null ? status.getReasonPhrase() : body.getDetail());
            return coded;
        }
        return body;
    }

    private static ProblemDetail ruleViolation(RuleViolation violation) {
        HttpStatus status =
                switch (violation.code().refusal()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
                    case RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_ENTITY;
                };
        ProblemDetail problem =
                Problems.of(status, violation.code().name(), violation.code().title(), violation.getMessage());
        if (violation instanceof BreakingChangesRefused refused) {
            problem.setProperty("breakingChanges", refused.breakingChanges());
        }
        return Problems.withErrors(problem, violation.errors());
    }

    private static ProblemDetail invalidFields(WebExchangeBindException invalid) {
        List<FieldError> errors = invalid.getFieldErrors().stream()
                .map(error -> new FieldError("/" + error.getField().replace('.', '/'), error.getDefaultMessage()))
                .collect(Collectors.toList());
        invalid.getGlobalErrors().forEach(error -> errors.add(new FieldError("/", error.getDefaultMessage())));
        return Problems.invalid("INVALID_REQUEST", "The request is not valid", errors);
    }

    private static ProblemDetail invalidParameters(HandlerMethodValidationException invalid) {
        List<FieldError> errors = new java.util.ArrayList<>();
        for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
            if (result instanceof ParameterErrors beanErrors) {
                beanErrors
                        .getFieldErrors()
                        .forEach(error -> errors.add(
                                new FieldError("/" + error.getField().replace('.', '/'), error.getDefaultMessage())));
                beanErrors
                        .getGlobalErrors()
                        .forEach(error -> errors.add(new FieldError("/", error.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldError(
                                name, "'%s' %s".formatted(result.getArgument(), error.getDefaultMessage()))));
            }
        }
        return Problems.invalid("INVALID_REQUEST", "The request is not valid", errors);
    }

    private static ProblemDetail unreadableInput(ServerWebInputException input) {
        if (input.getCause() instanceof TypeMismatchException mismatch && input.getMethodParameter() != null) {
            return unreadableParameter(
                    input.getMethodParameter().getParameterName(), mismatch.getValue(), mismatch.getRequiredType());
        }
        JsonProcessingException jackson = deepestJacksonCause(input);
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return badShape("Unknown field '%s'".formatted(unknown.getPropertyName()), pointer(unknown));
        }
        if (jackson instanceof InvalidFormatException wrongValue) {
            return badShape(
                    "'%s' is not %s".formatted(wrongValue.getValue(), expected(wrongValue.getTargetType())),
                    pointer(wrongValue));
        }
        if (jackson instanceof JsonMappingException wrongShape) {
            // well-formed JSON that does not fit the field; never Jackson's message, which names our classes
            return badShape(
                    wrongShape.getCause() instanceof InputCoercionException
                            ? "The number is out of range"
                            : "Value has the wrong type or shape",
                    pointer(wrongShape));
        }
        if (jackson != null) {
            return badShape("The body is not well-formed JSON: " + jackson.getOriginalMessage(), "/");
        }
        String reason = input.getReason() == null ? "The request cannot be read" : input.getReason();
        return Problems.of(HttpStatus.BAD_REQUEST, "UNREADABLE_REQUEST", "The request cannot be read", reason);
    }

    /**
     * The Jackson failure that names the field: the deepest one that knows the field's path, else the deepest one.
     * Not the most specific cause: a date-time that does not parse, or a number too large for its field, is Jackson's
     * failure wrapping another (the JDK's parse error, the parser's range check) that knows nothing of the body.
     */
    private static JsonProcessingException deepestJacksonCause(Throwable failure) {
        JsonMappingException mapping = null;
        JsonProcessingException any = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException withPath) {
                mapping = withPath;
            }
            if (cause instanceof JsonProcessingException jackson) {
                any = jackson;
            }
        }
        return mapping != null ? mapping : any;
    }

    private static ProblemDetail unreadableParameter(String name, Object value, Class<?> requiredType) {
        return badShape("'%s' is not %s".formatted(value, expected(requiredType)), name);
    }

    /** What a query or path parameter of this type accepts, as a caller would write it. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-03-01T00:00:00Z";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as P30D";
        }
        return "a valid " + type.getSimpleName();
    }

    private static ProblemDetail badShape(String message, String field) {
        return Problems.withErrors(
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "UNREADABLE_REQUEST",
                        "The request cannot be read",
                        field.equals("/") ? message : field + ": " + message),
                List.of(new FieldError(field, message)));
    }

    private static String pointer(JsonMappingException failure) {
        String path = failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("/"));
        return "/" + path;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.CompletionException
                        || current instanceof java.util.concurrent.ExecutionException
                        || current instanceof org.axonframework.commandhandling.CommandExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }
}
