package io.fraudops.app.search;

import java.util.List;

/** The right-hand side of a comparison. */
public sealed interface Value {

  record Text(String text) implements Value {}

  record Number(double number) implements Value {}

  record Texts(List<String> texts) implements Value {}
}
