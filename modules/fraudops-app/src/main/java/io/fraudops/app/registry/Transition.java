package io.fraudops.app.registry;

import java.time.Instant;

/**
 * One audited change in the registry: who, when, from → to, why.
 *
 * @param kind {@link #ALIAS} (target = alias name, from/to = versions), {@link #STAGE} (target =
 *     {@code stage}, from/to = stage names), {@link #RENAME} or {@link #DELETE} of a model
 * @param target the alias that moved, {@code stage}, or {@code model}
 * @param fromValue before, or {@code null}
 * @param toValue after, or {@code null} (an alias removed, a model deleted)
 */
public record Transition(
    String name,
    int version,
    String kind,
    String target,
    String fromValue,
    String toValue,
    String actor,
    String reason,
    Instant at) {

  public static final String ALIAS = "ALIAS";
  public static final String STAGE = "STAGE";
  public static final String RENAME = "RENAME";
  public static final String DELETE = "DELETE";
}
