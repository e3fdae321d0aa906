package io.fraudops.core.features;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model was trained on: the named, versioned feature set, the ordered feature names of its
 * input vector, and the fitted categorical vocabularies. Travels inside every model bundle; serving
 * rebuilds exactly this transformation from it, or refuses the bundle.
 *
 * @param name feature-set name, e.g. {@code reference}
 * @param version feature-set version; a change in any definition bumps it
 * @param featureNames names of the vector's columns, in order
 * @param vocabularies per categorical field, the known values; a value's index is its code
 * @param homeCountry the country counted as domestic
 * @param definition the YAML of a declared feature set ({@code
 *     io.fraudops.core.features.declared}), computed from state by the feature engine; {@code null}
 *     for the built-in reference transformer ({@link ReferenceFeatures})
 */
public record FeatureSpec(
    String name,
    int version,
    List<String> featureNames,
    Map<String, List<String>> vocabularies,
    String homeCountry,
    String definition) {

  /** A spec of the built-in reference transformer (no declared definition). */
  public FeatureSpec(
      String name,
      int version,
      List<String> featureNames,
      Map<String, List<String>> vocabularies,
      String homeCountry) {
    this(name, version, featureNames, vocabularies, homeCountry, null);
  }

  public FeatureSpec {
    Objects.requireNonNull(name, "name");
    featureNames = List.copyOf(featureNames);
    vocabularies = Map.copyOf(vocabularies);
  }

  public int width() {
    return featureNames.size();
  }

  public String id() {
    return name + "-v" + version;
  }
}
