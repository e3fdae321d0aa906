package io.fraudops.app.mlflow;

import io.fraudops.core.bundle.BundleIntegrityException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * MLflow's error format for the MLflow API controllers only ({@code {"error_code", "message"}} with
 * MLflow's status for the code); the scoring API keeps its RFC 9457 problem documents. Ordered
 * first, so these controllers never fall through to the scoring API's handlers.
 */
@RestControllerAdvice(
    basePackages = {"io.fraudops.app.tracking.api", "io.fraudops.app.registry.api"})
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication
class MlflowErrors {

  private static final Logger log = LoggerFactory.getLogger(MlflowErrors.class);

  static ResponseEntity<Map<String, String>> error(ErrorCode code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error_code", code.name());
    body.put("message", message);
    return ResponseEntity.status(code.httpStatus())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }

  @ExceptionHandler(MlflowException.class)
  ResponseEntity<Map<String, String>> mlflow(MlflowException e) {
    return error(e.code(), e.getMessage());
  }

  @ExceptionHandler(BundleIntegrityException.class)
  ResponseEntity<Map<String, String>> bundle(BundleIntegrityException e) {
    return error(ErrorCode.BAD_REQUEST, "model bundle failed verification: " + e.getMessage());
  }

  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<Map<String, String>> database(DataAccessException e) {
    log.warn("registry database error: {}", e.getMessage());
    return error(
        ErrorCode.TEMPORARILY_UNAVAILABLE,
        "the registry database is unavailable: " + e.getMostSpecificCause().getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> unexpected(Exception e) {
    log.error("unexpected error in the MLflow API", e);
    return error(ErrorCode.INTERNAL_ERROR, "internal error; see the server log");
  }
}
