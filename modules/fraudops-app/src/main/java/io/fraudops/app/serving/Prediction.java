package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fraudops.core.scoring.RiskLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The answer to {@code POST /predict} (PRODUCT.md's response plus the serving model version). */
@Schema(name = "Prediction")
public record Prediction(
    @Schema(
            description = "The request's transaction_id, or a generated unique id",
            example = "TXN00012345")
        @JsonProperty("transaction_id")
        String transactionId,
    @Schema(description = "1 when fraud_probability reaches the model's threshold", example = "0")
        @JsonProperty("is_fraud")
        int isFraud,
    @Schema(description = "The model's fraud probability", example = "0.0123")
        @JsonProperty("fraud_probability")
        double fraudProbability,
    @Schema(
            description = "low < 0.3 ≤ medium < 0.7 ≤ high (bands travel with the model)",
            allowableValues = {"low", "medium", "high"})
        @JsonProperty("risk_level")
        RiskLevel riskLevel,
    @Schema(description = "When the prediction was made (UTC)") @JsonProperty("timestamp")
        Instant timestamp,
    @Schema(description = "Registry version of the model that scored it", example = "3")
        @JsonProperty("model_version")
        String modelVersion,
    @Schema(
            description = "Top contributing features and reasons; only with explain=true",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("explanation")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        PredictionExplanation explanation) {}
