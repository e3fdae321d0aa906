package io.fraudops.app.serving;

import java.util.List;

/**
 * A scoring request that cannot be scored, with the HTTP status, a short title and the field-level
 * reasons. Rendered as an RFC 9457 problem document by {@link ProblemResponses}.
 */
public class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Malformed JSON, a body that is not the expected shape, or a body over the size limit. */
  public static final int BAD_REQUEST = 400;

  /** Well-formed JSON whose fields break the contract (missing, wrong type, out of range). */
  public static final int UNPROCESSABLE = 422;

  private final int status;
  private final String slug;
  private final String title;
  private final transient List<FieldError> errors;

  public InvalidRequestException(int status, String slug, String title, List<FieldError> errors) {
    super(title + ": " + errors);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  /** Short machine name of the problem type, e.g. {@code invalid-fields}. */
  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
