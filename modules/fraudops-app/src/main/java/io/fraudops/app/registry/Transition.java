package io.fraudops.app.registry;

import java.time.Instant;

/**
 * One audited change of where a model's alias (or stage) points.
 *
 * @param target the alias or stage that moved, e.g. {@code production}
 * @param fromValue the version it pointed at before, or {@code null}
 * @param toValue the version it points at now
 */
public record Transition(
    String name,
    int version,
    String target,
    String fromValue,
    String toValue,
    String actor,
    String reason,
    Instant at) {}
