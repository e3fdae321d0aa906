package io.fraudops.core.features.declared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.features.ReferenceFeatures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSetParserTest {

  private static String set(String features) {
    return "format: fraudops-features/1\nname: t\nversion: 1\nfeatures:\n" + features;
  }

  @Test
  void theShippedReferenceSetHasTheReferenceColumns() {
    FeatureSetDefinition reference = FeatureSets.shipped(FeatureSets.REFERENCE);
    assertThat(reference.featureNames()).isEqualTo(ReferenceFeatures.FEATURE_NAMES);
    assertThat(reference.id()).isEqualTo("reference-v1");
    assertThat(reference.entities()).containsExactly("card_id");
    assertThat(reference.horizon()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void theShippedRawSetHasAtLeastTwentyAggregatesAndADelayedMerchantRisk() {
    FeatureSetDefinition raw = FeatureSets.shipped(FeatureSets.RAW);
    assertThat(raw.aggregates()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(raw.entities()).containsExactly("card_id", "merchant_id", "device_id");
    assertThat(raw.aggregates())
        .filteredOn(a -> a.function() == AggregateFunction.FRAUD_RATE)
        .extracting(Aggregate::window)
        .containsExactly(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));
    assertThat(raw.horizon()).isEqualTo(Duration.ofDays(37));
    assertThat(raw.featureNames())
        .contains("amount_to_card_mean_30d")
        .doesNotContain("card_home_latitude");
    assertThat(raw.encodedFields()).containsExactly("merchant_category", "merchant_country");
  }

  @Test
  void mistakesAreNamedWithTheFeature() {
    assertThatThrownBy(
            () ->
                FeatureSetParser.parse(
                    set(
                        "  - {name: a, aggregate: {entity: card_id, window: 1h, function: median, of: amount}}")))
        .hasMessageContaining("feature 1 (a)")
        .hasMessageContaining("unknown function 'median'");
    assertThatThrownBy(
            () ->
                FeatureSetParser.parse(
                    set(
                        "  - {name: a, aggregate: {entity: card_id, window: 1week, function: count}}")))
        .hasMessageContaining("'1week' is not a duration");
    assertThatThrownBy(
            () ->
                FeatureSetParser.parse(
                    set("  - {name: a, aggregate: {entity: iban, window: 1h, function: count}}")))
        .hasMessageContaining("'iban' is not a entity field");
    assertThatThrownBy(
            () ->
                FeatureSetParser.parse(
                    set("  - {name: a, aggregate: {entity: card_id, window: 1h, function: sum}}")))
        .hasMessageContaining("sum needs 'of: FIELD'");
    assertThatThrownBy(
            () ->
                FeatureSetParser.parse(
                    set(
                        "  - {name: a, aggregate: {entity: card_id, window: 1h, function: count, label_delay: 7d}}")))
        .hasMessageContaining("label_delay applies only to fraud_count and fraud_rate");
    assertThatThrownBy(
            () ->
                FeatureSetParser.parse(
                    set("  - {name: a, expr: b * 2}\n  - {name: b, field: amount}")))
        .hasMessageContaining("feature 1 (a)")
        .hasMessageContaining("'b' is neither an earlier feature nor a numeric field");
    assertThatThrownBy(
            () ->
                FeatureSetParser.parse(
                    set("  - {name: a, field: amount}\n  - {name: a, time: hour}")))
        .hasMessageContaining("used twice");
    assertThatThrownBy(
            () -> FeatureSetParser.parse(set("  - {name: a, field: amount, time: hour}")))
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(
            () -> FeatureSetParser.parse(set("  - {name: a, time: hour}").replace("/1", "/2")))
        .hasMessageContaining("format 'fraudops-features/2' is not computable here");
  }

  @Test
  void expressionsFollowPrecedenceAndMissingValuesPropagate() {
    List<String> names = List.of("x", "y");
    double[] f = {3, 4};
    assertThat(Expression.compile("x + y * 2", names).eval(f, null)).isEqualTo(11);
    assertThat(Expression.compile("(x + y) * 2", names).eval(f, null)).isEqualTo(14);
    assertThat(Expression.compile("-x + sqrt(y)", names).eval(f, null)).isEqualTo(-1);
    assertThat(Expression.compile("x > 2 and y <= 4", names).eval(f, null)).isEqualTo(1);
    assertThat(Expression.compile("not (x > 2 or y > 4)", names).eval(f, null)).isEqualTo(0);
    assertThat(Expression.compile("if(x == 3, max(x, y), 0)", names).eval(f, null)).isEqualTo(4);
    assertThat(Expression.compile("x / 0 * 0", names).eval(f, null)).isNaN();
    assertThat(Expression.compile("coalesce(x * (0/0), 7)", names).eval(f, null)).isEqualTo(7);
    assertThat(Expression.haversineKm(40.7128, -74.0060, 51.5074, -0.1278))
        .isBetween(5560.0, 5580.0);
    assertThatThrownBy(() -> Expression.compile("x +", names))
        .hasMessageContaining("ends too early");
    assertThatThrownBy(() -> Expression.compile("cbrt(x)", names))
        .hasMessageContaining("unknown function 'cbrt'");
  }
}
