package io.fraudops.training;

/**
 * The training data as provenance records it.
 *
 * @param path the file as the user named it
 * @param rows rows read from it
 * @param sha256 SHA-256 (hex) of the file's bytes
 */
public record DatasetInfo(String path, long rows, String sha256) {}
