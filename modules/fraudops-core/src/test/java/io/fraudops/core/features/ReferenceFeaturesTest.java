package io.fraudops.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.core.scoring.SmokeSet;
import io.fraudops.core.transaction.Transaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceFeaturesTest {

  private final ReferenceFeatures features =
      ReferenceFeatures.fit(List.of(SmokeSet.ORDINARY, SmokeSet.RISKY));

  private double feature(double[] vector, String name) {
    return vector[ReferenceFeatures.FEATURE_NAMES.indexOf(name)];
  }

  @Test
  void engineeredFeaturesFollowTheirDefinitions() {
    Transaction t = SmokeSet.RISKY; // 2400.0 at 03:00, Nigeria, online, 14 in 24 h, 9 in 1 h
    double[] x = features.transform(t);

    assertThat(x).hasSize(features.width()).hasSize(24);
    assertThat(feature(x, "amount")).isEqualTo(2400.0);
    assertThat(feature(x, "amount_squared")).isEqualTo(2400.0 * 2400.0);
    assertThat(feature(x, "amount_cubed")).isEqualTo(2400.0 * 2400.0 * 2400.0);
    assertThat(feature(x, "amount_sqrt")).isCloseTo(Math.sqrt(2400.0), within(1e-12));
    assertThat(feature(x, "velocity_ratio")).isCloseTo(9.0 / 15.0, within(1e-12));
    assertThat(feature(x, "amount_velocity_ratio")).isCloseTo(2400.0 / 5201.0, within(1e-12));
    assertThat(feature(x, "is_night")).isEqualTo(1);
    assertThat(feature(x, "is_business_hours")).isZero();
    assertThat(feature(x, "is_domestic")).isZero();
    assertThat(feature(x, "amount_x_hour")).isEqualTo(2400.0 * 3);
    assertThat(feature(x, "amount_x_is_online")).isEqualTo(2400.0);
    assertThat(feature(x, "amount_x_is_weekend")).isEqualTo(2400.0 * (t.isWeekend() ? 1 : 0));
    assertThat(feature(x, "velocity_x_amount")).isEqualTo(14 * 2400.0);
    assertThat(feature(x, "distance_x_amount")).isEqualTo(9200.0 * 2400.0);
  }

  @Test
  void daytimeDomesticPurchaseSetsTheOtherFlags() {
    double[] x = features.transform(SmokeSet.ORDINARY); // 14:00, USA
    assertThat(feature(x, "is_night")).isZero();
    assertThat(feature(x, "is_business_hours")).isEqualTo(1);
    assertThat(feature(x, "is_domestic")).isEqualTo(1);
  }

  @Test
  void categoriesAreCodedInSortedOrderAndUnseenOnesAreMissing() {
    assertThat(features.spec().vocabularies())
        .containsEntry(ReferenceFeatures.MERCHANT_CATEGORY, List.of("grocery", "online_retail"))
        .containsEntry(ReferenceFeatures.MERCHANT_COUNTRY, List.of("Nigeria", "USA"));
    double[] known = features.transform(SmokeSet.RISKY);
    assertThat(feature(known, "merchant_category")).isEqualTo(1);
    assertThat(feature(known, "merchant_country")).isZero();

    double[] unseen = features.transform(SmokeSet.UNSEEN);
    assertThat(feature(unseen, "merchant_category")).isNaN();
    assertThat(feature(unseen, "merchant_country")).isNaN();
  }

  @Test
  void theSpecRebuildsTheSameTransformation() {
    ReferenceFeatures rebuilt = ReferenceFeatures.of(features.spec());
    assertThat(ReferenceFeatures.supports(features.spec())).isTrue();
    for (Transaction row : SmokeSet.ROWS) {
      assertThat(rebuilt.transform(row)).containsExactly(features.transform(row));
    }
  }

  @Test
  void aSpecOfAnotherFeatureSetOrVersionIsRefused() {
    FeatureSpec spec = features.spec();
    FeatureSpec otherVersion =
        new FeatureSpec(
            spec.name(), spec.version() + 1, spec.featureNames(), spec.vocabularies(), "USA");
    FeatureSpec noVocabulary =
        new FeatureSpec(spec.name(), spec.version(), spec.featureNames(), Map.of(), "USA");

    assertThat(ReferenceFeatures.supports(otherVersion)).isFalse();
    assertThat(ReferenceFeatures.supports(noVocabulary)).isFalse();
    assertThatThrownBy(() -> ReferenceFeatures.of(otherVersion))
        .isInstanceOf(UnsupportedFeatureSetException.class)
        .hasMessageContaining("reference-v2")
        .hasMessageContaining("24 features");
  }
}
