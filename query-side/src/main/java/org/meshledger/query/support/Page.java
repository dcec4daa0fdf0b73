package org.meshledger.query.support;

import java.util.List;

/** One page of a list: {@code total} counts every item that matches, across all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {}
