package io.fraudops.core.features.declared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The feature sets shipped with fraudops, and loading a set by name or from a file.
 *
 * <ul>
 *   <li>{@value #REFERENCE}: PRODUCT.md's reference features (the {@code /predict} vector),
 *       computed from state instead of sent by the caller.
 *   <li>{@value #RAW}: a richer set for raw transactions: per-card, per-merchant and per-device
 *       windows (22 aggregates), fraud risk with a 7-day label delay, amount relative to the card's
 *       recent mean, distance from the card's usual location.
 * </ul>
 */
public final class FeatureSets {
  private FeatureSets() {}

  public static final String REFERENCE = "reference";
  public static final String RAW = "raw";
  public static final List<String> SHIPPED = List.of(REFERENCE, RAW);

  /** A shipped set by name. */
  public static FeatureSetDefinition shipped(String name) {
    if (!SHIPPED.contains(name)) {
      throw new IllegalArgumentException(
          "no shipped feature set '" + name + "' (shipped: " + SHIPPED + ")");
    }
    try (InputStream in = FeatureSets.class.getResourceAsStream(name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException(
            "feature set resource " + name + ".yaml is missing from the build");
      }
      return FeatureSetParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A shipped set by name, or a YAML file by path.
   *
   * @throws FeatureSetFormatException when the file is not a valid feature set
   * @throws IllegalArgumentException when it is neither a shipped name nor a readable file
   */
  public static FeatureSetDefinition load(String nameOrPath) {
    if (SHIPPED.contains(nameOrPath)) {
      return shipped(nameOrPath);
    }
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "feature set '" + nameOrPath + "' is neither a shipped set " + SHIPPED + " nor a file");
    }
    try {
      return FeatureSetParser.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read feature set " + file, e);
    }
  }
}
