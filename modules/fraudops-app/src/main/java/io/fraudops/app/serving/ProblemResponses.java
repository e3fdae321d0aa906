package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal as an RFC 9457 problem document ({@code application/problem+json}) whose {@code
 * errors} member names each broken field. Bad input is never a 500.
 */
@RestControllerAdvice(basePackageClasses = ProblemResponses.class)
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
class ProblemResponses {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  static final String TYPE_PREFIX = "urn:fraudops:problem:";

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatus(e.status());
    problem.setType(URI.create(TYPE_PREFIX + e.slug()));
    problem.setTitle(e.title());
    problem.setDetail(
        e.errors().stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    problem.setProperty(
        "errors",
        e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return ResponseEntity.status(e.status()).body(problem);
  }

  @ExceptionHandler(ModelUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(ModelUnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setType(URI.create(TYPE_PREFIX + "no-model"));
    problem.setTitle("No model is being served");
    problem.setProperty("errors", List.of());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
  }

  @ExceptionHandler(java.io.UncheckedIOException.class)
  ResponseEntity<ProblemDetail> unreadable(java.io.UncheckedIOException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create(TYPE_PREFIX + "unreadable-body"));
    problem.setTitle("Unreadable request body");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    log.error("unexpected error while serving a request", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the server log");
    problem.setType(URI.create(TYPE_PREFIX + "internal"));
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }
}
