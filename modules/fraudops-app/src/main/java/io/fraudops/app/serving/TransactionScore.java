package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fraudops.core.scoring.RiskLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** The answer to {@code POST /v1/transactions/score}. */
@Schema(name = "TransactionScore")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionScore(
    @Schema(description = "The transaction's id", example = "TX-2026-000123")
        @JsonProperty("transaction_id")
        String transactionId,
    @Schema(description = "1 when fraud_probability reaches the model's threshold", example = "0")
        @JsonProperty("is_fraud")
        int isFraud,
    @Schema(description = "The model's fraud probability", example = "0.0123")
        @JsonProperty("fraud_probability")
        double fraudProbability,
    @Schema(description = "low < 0.3 ≤ medium < 0.7 ≤ high (bands travel with the model)")
        @JsonProperty("risk_level")
        RiskLevel riskLevel,
    @Schema(description = "Registry version of the model that scored it", example = "3")
        @JsonProperty("model_version")
        String modelVersion,
    @Schema(description = "Feature set the model reads, e.g. raw-v1", example = "raw-v1")
        @JsonProperty("feature_set")
        String featureSet,
    @Schema(
            description =
                "true when this transaction_id was scored before: the first answer is repeated and"
                    + " the state is not updated again")
        @JsonProperty("duplicate")
        boolean duplicate,
    @Schema(description = "When the answer was made (UTC)") @JsonProperty("timestamp")
        Instant timestamp,
    @Schema(
            description =
                "The features computed from state (only with ?include=features; null = missing)")
        @JsonProperty("features")
        Map<String, Double> features,
    @Schema(
            description =
                "Why the model scored it so (only with ?explain=true, not on a duplicate answer)")
        @JsonProperty("explanation")
        PredictionExplanation explanation) {}
