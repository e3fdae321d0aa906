package io.fraudops.app.search;

/** One {@code order_by} clause. */
public record OrderBy(Key key, boolean ascending) {}
