package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fraudops.core.transaction.ScoringFields;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code POST /predict} request of PRODUCT.md. Parsed and validated by {@link
 * PredictRequestReader}; the annotations here describe it in the OpenAPI document.
 */
@Schema(name = "PredictRequest", description = "One transaction to score")
public record PredictRequest(
    @Schema(
            description = "Client's id for the transaction; echoed back. Generated when absent.",
            example = "TXN00012345",
            requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonProperty("transaction_id")
        String transactionId,
    @Schema(description = "Amount, > 0", example = "125.50", exclusiveMinimum = true, minimum = "0")
        @JsonProperty("amount")
        double amount,
    @Schema(
            description = "Merchant category (unknown ones are scored too)",
            example = "online_retail")
        @JsonProperty("merchant_category")
        String merchantCategory,
    @Schema(description = "Merchant country (unknown ones are scored too)", example = "USA")
        @JsonProperty("merchant_country")
        String merchantCountry,
    @Schema(description = "Hour of day, 0–23", example = "14", minimum = "0", maximum = "23")
        @JsonProperty("hour_of_day")
        int hourOfDay,
    @Schema(
            description = "Day of week, 0–6 (0 = Monday)",
            example = "2",
            minimum = "0",
            maximum = "6")
        @JsonProperty("day_of_week")
        int dayOfWeek,
    @Schema(description = "Card-not-present transaction", example = "true")
        @JsonProperty("is_online")
        boolean isOnline,
    @Schema(description = "Saturday or Sunday", example = "false") @JsonProperty("is_weekend")
        boolean isWeekend,
    @Schema(
            description = "Card's transactions in the previous 24 h, ≥ 0",
            example = "3",
            minimum = "0")
        @JsonProperty("transactions_last_24h")
        int transactionsLast24h,
    @Schema(
            description = "Card's spend in the previous 24 h, ≥ 0",
            example = "250.0",
            minimum = "0")
        @JsonProperty("total_amount_last_24h")
        double totalAmountLast24h,
    @Schema(
            description = "Card's transactions in the previous hour, ≥ 0",
            example = "1",
            minimum = "0")
        @JsonProperty("transactions_last_1h")
        int transactionsLast1h,
    @Schema(
            description = "Kilometres from the cardholder's home, ≥ 0",
            example = "12.5",
            minimum = "0")
        @JsonProperty("distance_from_home")
        double distanceFromHome)
    implements ScoringFields {}
