package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /predict} and {@code /predict/batch} through Spring MVC, and their OpenAPI
 * description. The contract itself lives in {@link ScoringEndpoints}, which the lean listener on
 * the public port ({@link ScoringListener}) calls too; this controller answers when that listener
 * is off ({@code FRAUDOPS_SERVING_LISTENER=servlet}) and on the internal port.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
@Tag(name = "Scoring", description = "Is this transaction fraud?")
class PredictController {

  private static final String EXPLAIN_DOC =
      "true: add `explanation` to each prediction: the 5 features with the largest TreeSHAP"
          + " contributions (name, value, contribution in log-odds, largest |contribution| first),"
          + " the model's base value, and human-readable reasons comparing the transaction with the"
          + " model's training data. Costs a few microseconds per transaction.";

  private final ScoringEndpoints endpoints;

  PredictController(ScoringEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Operation(
      summary = "Score one transaction",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = PredictRequest.class))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Scored",
            content =
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Prediction.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON, body too large or an invalid explain parameter",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Missing, mistyped or out-of-range fields",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description =
                "The served model computes its features from transaction history: score raw"
                    + " transactions with POST /v1/transactions/score",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "503",
            description = "No model is being served",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = ScoringEndpoints.PREDICT, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> predict(
      HttpServletRequest http,
      @Parameter(
              in = ParameterIn.QUERY,
              description = EXPLAIN_DOC,
              schema = @Schema(type = "boolean", defaultValue = "false"))
          @RequestParam(name = "explain", required = false)
          String explain)
      throws IOException {
    return answer(http, ScoringEndpoints.PREDICT, explain);
  }

  @Operation(
      summary = "Score a batch of transactions (results in request order)",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      array =
                          @ArraySchema(schema = @Schema(implementation = PredictRequest.class)))),
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Scored",
            content =
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BatchPrediction.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON, body too large or an invalid explain parameter",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Invalid fields, empty batch or batch over the limit",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description =
                "The served model computes its features from transaction history: score raw"
                    + " transactions with POST /v1/transactions/score",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "503",
            description = "No model is being served",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = ScoringEndpoints.PREDICT_BATCH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> predictBatch(
      HttpServletRequest http,
      @Parameter(
              in = ParameterIn.QUERY,
              description = EXPLAIN_DOC,
              schema = @Schema(type = "boolean", defaultValue = "false"))
          @RequestParam(name = "explain", required = false)
          String explain)
      throws IOException {
    return answer(http, ScoringEndpoints.PREDICT_BATCH, explain);
  }

  private ResponseEntity<byte[]> answer(HttpServletRequest http, String path, String explain)
      throws IOException {
    ScoringEndpoints.Answer answer;
    try {
      byte[] body =
          RequestBodies.read(
              http.getInputStream(), http.getContentLengthLong(), endpoints.maxBodyBytes());
      answer = endpoints.handle(path, explain, body);
    } catch (InvalidRequestException e) {
      answer = endpoints.refuse(e, path);
    }
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.parseMediaType(answer.contentType()))
        .body(answer.body());
  }
}
