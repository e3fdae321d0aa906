package io.fraudops.app.serving;

import io.fraudops.app.config.FraudopsProperties;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /predict} and {@code /predict/batch}. Bodies are read with a size limit and parsed by
 * {@link PredictRequestReader}, which names every broken field; the OpenAPI annotations document
 * the contract that reader enforces.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
@Tag(name = "Scoring", description = "Is this transaction fraud?")
class PredictController {

  private final PredictionService predictions;
  private final PredictRequestReader reader = new PredictRequestReader();
  private final long maxBodyBytes;
  private final int batchLimit;

  PredictController(PredictionService predictions, FraudopsProperties properties) {
    this.predictions = predictions;
    this.maxBodyBytes = properties.serving().maxBodyBytes();
    this.batchLimit = properties.serving().batchLimit();
  }

  @Operation(
      summary = "Score one transaction",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = PredictRequest.class))),
      responses = {
        @ApiResponse(responseCode = "200", description = "Scored"),
        @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON or body too large",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Missing, mistyped or out-of-range fields",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "503",
            description = "No model is being served",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = "/predict", produces = MediaType.APPLICATION_JSON_VALUE)
  Prediction predict(HttpServletRequest http) throws IOException {
    byte[] body =
        RequestBodies.read(http.getInputStream(), http.getContentLengthLong(), maxBodyBytes);
    return predictions.predict(reader.readOne(body));
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
        @ApiResponse(responseCode = "200", description = "Scored"),
        @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON or body too large",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Invalid fields, empty batch or batch over the limit",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "503",
            description = "No model is being served",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = "/predict/batch", produces = MediaType.APPLICATION_JSON_VALUE)
  BatchPrediction predictBatch(HttpServletRequest http) throws IOException {
    byte[] body =
        RequestBodies.read(http.getInputStream(), http.getContentLengthLong(), maxBodyBytes);
    return predictions.predictBatch(reader.readBatch(body, batchLimit));
  }
}
