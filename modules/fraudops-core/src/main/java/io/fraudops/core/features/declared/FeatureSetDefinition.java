package io.fraudops.core.features.declared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A declared, versioned feature set: the ordered features of a model's input vector and how each is
 * computed. Parsed from YAML ({@link FeatureSetParser}); the YAML text travels in the model bundle,
 * so serving rebuilds exactly what training computed.
 *
 * @param format the file format, {@value FeatureSetParser#FORMAT}
 * @param name the feature set's name, e.g. {@code raw}
 * @param version bumped on any change of a definition
 * @param features in vector order
 * @param source the YAML text it was parsed from
 */
public record FeatureSetDefinition(
    String format,
    String name,
    int version,
    String description,
    List<FeatureDefinition> features,
    String source) {

  public FeatureSetDefinition {
    features = List.copyOf(features);
  }

  public String id() {
    return name + "-v" + version;
  }

  /** Names of the model's vector columns (internal features left out), in order. */
  public List<String> featureNames() {
    return features.stream().filter(f -> !f.internal()).map(FeatureDefinition::name).toList();
  }

  public List<Aggregate> aggregates() {
    List<Aggregate> out = new ArrayList<>();
    for (FeatureDefinition f : features) {
      if (unwrap(f) instanceof FeatureDefinition.Aggregated a) {
        out.add(a.aggregate());
      }
    }
    return out;
  }

  /** The computation of a feature, internal or not. */
  public static FeatureDefinition unwrap(FeatureDefinition f) {
    return f instanceof FeatureDefinition.Internal i ? i.feature() : f;
  }

  /** The entity fields whose state this set reads, in first-use order. */
  public Set<String> entities() {
    Set<String> out = new LinkedHashSet<>();
    aggregates().forEach(a -> out.add(a.entity()));
    return out;
  }

  /** How much history the set reads: the longest window plus label delay (zero without any). */
  public Duration horizon() {
    return aggregates().stream()
        .map(Aggregate::horizon)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** Fields label-encoded by this set (their vocabularies are fitted at training). */
  public List<String> encodedFields() {
    List<String> out = new ArrayList<>();
    for (FeatureDefinition f : features) {
      if (unwrap(f) instanceof FeatureDefinition.Encoded e && !out.contains(e.field())) {
        out.add(e.field());
      }
    }
    return out;
  }
}
