package io.fraudops.app.serving;

import java.time.Instant;

/**
 * Outcome of the last attempt to load a new version into serving.
 *
 * @param version the version serving tried to load
 * @param ok whether it is now serving
 * @param message what happened, e.g. the reason a bundle was refused
 */
public record SwapResult(Instant at, String version, boolean ok, String message) {}
