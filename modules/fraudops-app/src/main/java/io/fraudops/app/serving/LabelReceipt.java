package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The answer to {@code POST /v1/labels}. */
@Schema(name = "LabelReceipt")
public record LabelReceipt(
    @JsonProperty("transaction_id") String transactionId,
    @Schema(allowableValues = {"fraud", "genuine", "chargeback"}) @JsonProperty("label")
        String label,
    @JsonProperty("known_at") Instant knownAt,
    @Schema(description = "true: the label feeds the label-delay features from known_at on")
        @JsonProperty("applied")
        boolean applied) {}
