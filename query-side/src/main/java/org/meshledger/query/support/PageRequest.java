package org.meshledger.query.support;

import java.util.List;
import org.meshledger.api.error.FieldError;

/** {@code ?page=0&size=50}; sizes above 500 are refused rather than silently cut. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static PageRequest of(Integer page, Integer size) {
        int requestedPage = page == null ? 0 : page;
        int requestedSize = size == null ? 50 : size;
        if (requestedPage < 0) {
            throw new InvalidQuery(List.of(new FieldError("page", "must be 0 or more")));
        }
        if (requestedSize < 1 || requestedSize > MAX_SIZE) {
            throw new InvalidQuery(List.of(new FieldError("size", "must be between 1 and " + MAX_SIZE)));
        }
        return new PageRequest(requestedPage, requestedSize);
    }

    public long offset() {
        return (long) page * size;
    }
}
