package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fraudops.core.explain.Explanation;
import io.fraudops.core.explain.FeatureContribution;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The {@code explanation} member of a prediction when {@code explain=true} was asked for. */
@Schema(name = "Explanation", description = "Why the model scored the transaction as it did")
public record PredictionExplanation(
    @Schema(
            description =
                "The model's expected log-odds (SHAP bias); base_value plus every feature's"
                    + " contribution is the transaction's log-odds",
            example = "-4.61")
        @JsonProperty("base_value")
        double baseValue,
    @Schema(description = "Features with the largest |contribution|, largest first")
        @JsonProperty("top_features")
        List<Contribution> topFeatures,
    @Schema(
            description =
                "Human-readable reasons for the features that pushed towards fraud, compared"
                    + " with the model's training data",
            example =
                "[\"amount 1240.00 is 8.2× the average training amount (151.37)\","
                    + " \"3 transactions in the last hour, above the 90th percentile in"
                    + " training (1)\"]")
        @JsonProperty("reasons")
        List<String> reasons) {

  /** One feature's TreeSHAP contribution. */
  @Schema(name = "FeatureContribution")
  public record Contribution(
      @Schema(description = "Feature name in the model's feature set", example = "amount")
          @JsonProperty("feature")
          String feature,
      @Schema(
              description =
                  "The feature's value for this transaction (the category itself for"
                      + " merchant_category and merchant_country)",
              example = "1240.0")
          @JsonProperty("value")
          Object value,
      @Schema(
              description = "SHAP value in log-odds; positive pushes towards fraud",
              example = "2.31")
          @JsonProperty("contribution")
          double contribution) {}

  public static PredictionExplanation of(Explanation e) {
    List<Contribution> top =
        e.topFeatures().stream()
            .map(
                (FeatureContribution c) ->
                    new Contribution(c.feature(), c.value(), c.contribution()))
            .toList();
    return new PredictionExplanation(e.baseValue(), top, e.reasons());
  }
}
