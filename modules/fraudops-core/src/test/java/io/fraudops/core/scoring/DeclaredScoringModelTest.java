package io.fraudops.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.features.FeatureSpec;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.features.UnsupportedFeatureSetException;
import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.declared.FeatureSetParser;
import io.fraudops.core.features.declared.FeatureSets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bundles that carry a declared feature set: served when computable, refused otherwise. */
class DeclaredScoringModelTest {

  private final Map<String, java.util.List<String>> vocabularies =
      ReferenceFeatures.fit(SmokeSet.ROWS).spec().vocabularies();
  private final String referenceYaml = FeatureSets.shipped(FeatureSets.REFERENCE).source();

  private FeatureSpec declared(String yaml) {
    return DeclaredFeatures.of(FeatureSetParser.parse(yaml), vocabularies).spec();
  }

  @Test
  void aModelOnADeclaredSetScoresEngineVectorsAndRefusesReadyMadeFields() {
    FeatureSpec custom = declared(referenceYaml.replace("name: reference", "name: custom"));
    ScoringModel model = ScoringModel.of(ScoringModelTest.bundle(custom, 0.5));
    assertThat(model.takesReferenceFields()).isFalse();
    assertThat(model.declaredFeatures().definition().id()).isEqualTo("custom-v1");
    SmokeSet.check(model); // scored as first transactions, with no history
    assertThatThrownBy(() -> model.probability(SmokeSet.RISKY))
        .isInstanceOf(UnsupportedFeatureSetException.class)
        .hasMessageContaining("custom-v1")
        .hasMessageContaining("POST /v1/transactions/score");
  }

  @Test
  void aReferenceModelIsServedThroughTheDeclaredReferenceSetToo() {
    ScoringModel model =
        ScoringModel.of(ScoringModelTest.bundle(ReferenceFeatures.fit(SmokeSet.ROWS).spec(), 0.5));
    assertThat(model.takesReferenceFields()).isTrue();
    assertThat(model.declaredFeatures().spec().featureNames())
        .isEqualTo(ReferenceFeatures.FEATURE_NAMES);
    assertThat(model.declaredFeatures().spec().vocabularies()).isEqualTo(vocabularies);
  }

  @Test
  void aSetThisBuildCannotComputeIsRefusedWithTheReason() {
    FeatureSpec good = declared(referenceYaml);
    FeatureSpec newerFormat =
        new FeatureSpec(
            good.name(),
            good.version(),
            good.featureNames(),
            vocabularies,
            null,
            good.definition().replace("fraudops-features/1", "fraudops-features/2"));
    assertThatThrownBy(() -> ScoringModel.of(ScoringModelTest.bundle(newerFormat, 0.5)))
        .isInstanceOf(UnsupportedFeatureSetException.class)
        .hasMessageContaining("format 'fraudops-features/2' is not computable here");

    FeatureSpec unknownFunction =
        new FeatureSpec(
            good.name(),
            good.version(),
            good.featureNames(),
            vocabularies,
            null,
            good.definition()
                .replace("window: 1h, function: count", "window: 1h, function: median"));
    assertThatThrownBy(() -> ScoringModel.of(ScoringModelTest.bundle(unknownFunction, 0.5)))
        .isInstanceOf(UnsupportedFeatureSetException.class)
        .hasMessageContaining("transactions_last_1h")
        .hasMessageContaining("unknown function 'median'");

    FeatureSpec otherNames =
        new FeatureSpec(
            good.name(),
            good.version(),
            good.featureNames(),
            vocabularies,
            null,
            good.definition().replace("name: amount_sqrt", "name: amount_root"));
    assertThatThrownBy(() -> ScoringModel.of(ScoringModelTest.bundle(otherNames, 0.5)))
        .isInstanceOf(UnsupportedFeatureSetException.class)
        .hasMessageContaining("differ from the model's feature names");
  }
}
