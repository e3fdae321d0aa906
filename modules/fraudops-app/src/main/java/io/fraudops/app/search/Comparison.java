package io.fraudops.app.search;

/** One {@code key operator value} clause of a filter. */
public record Comparison(Key key, Comparator comparator, Value value) {}
