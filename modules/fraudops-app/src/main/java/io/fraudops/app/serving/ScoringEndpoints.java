package io.fraudops.app.serving;

import io.fraudops.app.config.FraudopsProperties;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.core.features.UnsupportedFeatureSetException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code POST /predict} and {@code /predict/batch}, independent of the HTTP server
 * that carries it: body bytes and the {@code explain} query parameter in, status and JSON bytes
 * out. Both front ends call it — the lean Netty listener on the public port ({@link
 * ScoringListener}) and the Spring MVC controller ({@link PredictController}, which also carries
 * the OpenAPI description) — so validation, problem documents, status codes, metrics and
 * explanations cannot differ between them.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
public class ScoringEndpoints {

  public static final String PREDICT = "/predict";
  public static final String PREDICT_BATCH = "/predict/batch";
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger log = LoggerFactory.getLogger(ScoringEndpoints.class);

  /** An HTTP answer: status, content type and body. */
  public record Answer(int status, String contentType, byte[] body) {}

  private final PredictionService predictions;
  private final PredictRequestReader reader = new PredictRequestReader();
  private final int batchLimit;
  private final long maxBodyBytes;

  ScoringEndpoints(PredictionService predictions, FraudopsProperties properties) {
    this.predictions = predictions;
    this.batchLimit = properties.serving().batchLimit();
    this.maxBodyBytes = properties.serving().maxBodyBytes();
  }

  /** Whether {@code path} is a scoring endpoint (they answer POST). */
  public static boolean isScoringPath(String path) {
    return PREDICT.equals(path) || PREDICT_BATCH.equals(path);
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Answers a POST to a scoring path.
   *
   * @param explain the raw {@code explain} query parameter, or {@code null} when absent
   */
  public Answer handle(String path, String explain, byte[] body) {
    try {
      boolean explained = parseExplain(explain);
      if (PREDICT.equals(path)) {
        return new Answer(
            200,
            JSON,
            ScoringJson.prediction(predictions.predict(reader.readOne(body), explained)));
      }
      if (PREDICT_BATCH.equals(path)) {
        return new Answer(
            200,
            JSON,
            ScoringJson.batch(
                predictions.predictBatch(reader.readBatch(body, batchLimit), explained)));
      }
      throw new IllegalArgumentException("not a scoring path: " + path);
    } catch (InvalidRequestException e) {
      return refuse(e, path);
    } catch (UnsupportedFeatureSetException e) {
      // The served model reads features from transaction history, not from the request.
      return new Answer(
          409,
          PROBLEM_JSON,
          ScoringJson.problem(
              409,
              "model-needs-raw-transactions",
              "The served model scores raw transactions",
              e.getMessage(),
              path,
              List.of()));
    } catch (ModelUnavailableException e) {
      return new Answer(
          503,
          PROBLEM_JSON,
          ScoringJson.problem(
              503, "no-model", "No model is being served", e.getMessage(), path, List.of()));
    } catch (RuntimeException e) {
      log.error("unexpected error while serving a request", e);
      return new Answer(
          500,
          PROBLEM_JSON,
          ScoringJson.problem(
              500,
              "internal",
              "Internal error",
              "internal error; see the server log",
              path,
              List.of()));
    }
  }

  /** The problem document of a refused request (bad body, bad fields, body too large). */
  public Answer refuse(InvalidRequestException e, String path) {
    String detail = e.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "));
    return new Answer(
        e.status(),
        PROBLEM_JSON,
        ScoringJson.problem(e.status(), e.slug(), e.title(), detail, path, e.errors()));
  }

  /** The answer for a body over {@code fraudops.serving.max-body-bytes}. */
  public Answer tooLarge(String path) {
    return refuse(RequestBodies.tooLarge(maxBodyBytes), path);
  }

  /** {@code true/false} (any case) or {@code 1/0}; absent or empty is {@code false}. */
  static boolean parseExplain(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw new InvalidRequestException(
              InvalidRequestException.BAD_REQUEST,
              "invalid-parameter",
              "Invalid query parameter",
              List.of(new FieldError("explain", "must be true or false, got " + value)));
    };
  }
}
