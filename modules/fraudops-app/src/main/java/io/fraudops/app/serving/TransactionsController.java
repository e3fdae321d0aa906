package io.fraudops.app.serving;

import io.fraudops.app.config.FraudopsProperties;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/transactions/score} (raw transactions, features from state) and {@code POST
 * /v1/labels} (labels that feed the label-delay features). Bodies are read with the size limit of
 * the scoring endpoints and parsed by {@link RawTransactionReader}, which names broken fields.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
@Tag(name = "Raw transactions", description = "Score raw transactions with features from state")
class TransactionsController {

  private final TransactionScoring scoring;
  private final RawTransactionReader reader = new RawTransactionReader();
  private final long maxBodyBytes;

  TransactionsController(TransactionScoring scoring, FraudopsProperties properties) {
    this.scoring = scoring;
    this.maxBodyBytes = properties.serving().maxBodyBytes();
  }

  @Operation(
      summary = "Score a raw transaction with features computed from state",
      description =
          "Body: transaction_id, timestamp (ISO-8601), card_id, merchant_id, amount (> 0), and"
              + " optional merchant_category, merchant_country, is_online, latitude/longitude,"
              + " device_id. The features the served model reads are computed from the state"
              + " (windows over earlier transactions of the card, merchant, device), the"
              + " transaction is scored and then recorded in the state. Idempotent on"
              + " transaction_id: a retry answers the first result with duplicate=true.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      schema =
                          @Schema(
                              example =
                                  "{\"transaction_id\":\"TX-1\",\"timestamp\":\"2026-03-01T14:05:00Z\","
                                      + "\"card_id\":\"C-42\",\"merchant_id\":\"M-7\",\"amount\":42.5,"
                                      + "\"merchant_category\":\"grocery\",\"merchant_country\":\"USA\","
                                      + "\"is_online\":false,\"latitude\":40.71,\"longitude\":-74.0,"
                                      + "\"device_id\":\"d-1\"}"))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Scored (or a retry of a scored transaction)",
            content = @Content(schema = @Schema(implementation = TransactionScore.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON, body too large or an invalid explain parameter",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description =
                "Missing, mistyped, unknown or out-of-range fields; a timestamp later than the"
                    + " out-of-order tolerance allows",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "503",
            description = "No model is served, or its features cannot be computed from this state",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = "/v1/transactions/score", produces = MediaType.APPLICATION_JSON_VALUE)
  TransactionScore score(
      HttpServletRequest http,
      @Parameter(description = "features: list the computed features in the answer")
          @RequestParam(name = "include", required = false)
          String include,
      @Parameter(
              description =
                  "true: add the top contributing features (TreeSHAP) and human-readable reasons"
                      + " to the answer")
          @RequestParam(name = "explain", required = false)
          String explain)
      throws IOException {
    boolean explained = ScoringEndpoints.parseExplain(explain);
    byte[] body =
        RequestBodies.read(http.getInputStream(), http.getContentLengthLong(), maxBodyBytes);
    return scoring.score(reader.readTransaction(body), "features".equals(include), explained);
  }

  @Operation(
      summary = "Record the label of a scored transaction",
      description =
          "Body: transaction_id, label (fraud | genuine | chargeback; a chargeback counts as"
              + " fraud), known_at (ISO-8601). Label-delay features (e.g. a merchant's fraud"
              + " rate) count it for transactions scored at or after known_at.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      schema =
                          @Schema(
                              example =
                                  "{\"transaction_id\":\"TX-1\",\"label\":\"fraud\","
                                      + "\"known_at\":\"2026-03-09T10:00:00Z\"}"))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Applied",
            content = @Content(schema = @Schema(implementation = LabelReceipt.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON or body too large",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            description = "No such transaction was scored (within the state's retention)",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Missing, unknown or invalid fields",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = "/v1/labels", produces = MediaType.APPLICATION_JSON_VALUE)
  LabelReceipt label(HttpServletRequest http) throws IOException {
    byte[] body =
        RequestBodies.read(http.getInputStream(), http.getContentLengthLong(), maxBodyBytes);
    return scoring.label(reader.readLabel(body));
  }
}
