package org.meshledger.query.support;

import org.meshledger.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

public class NotFound extends ErrorResponseException {

    public NotFound(String code, String detail) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, code, "Not found", detail), null);
    }

    public static NotFound product(String productId) {
        return new NotFound("PRODUCT_NOT_FOUND", "No data product '%s'".formatted(productId));
    }
}
