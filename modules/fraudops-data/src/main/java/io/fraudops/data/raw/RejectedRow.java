package io.fraudops.data.raw;

/**
 * A row an import could not map, with why.
 *
 * @param row data row number, 1 = the first row after the header
 */
public record RejectedRow(long row, String reason) {}
