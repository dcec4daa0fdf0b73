package org.meshledger.api.error;

/** One problem with one part of a request: {@code field} is a JSON-pointer-like path such as {@code /0/indicator}. */
public record FieldError(String field, String message) {}
