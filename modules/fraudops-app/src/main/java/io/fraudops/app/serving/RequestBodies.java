package io.fraudops.app.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a request body up to a limit, refusing larger ones before they are buffered whole (the
 * declared Content-Length is checked first; a chunked body is cut off at the limit).
 */
final class RequestBodies {
  private RequestBodies() {}

  static byte[] read(InputStream in, long declaredLength, long limit) {
    if (declaredLength > limit) {
      throw tooLarge(limit);
    }
    try {
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 512);
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) {
          throw tooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
  }

  static InvalidRequestException tooLarge(long limit) {
    return new InvalidRequestException(
        InvalidRequestException.BAD_REQUEST,
        "body-too-large",
        "Request body too large",
        List.of(
            new FieldError(
                "$", "the body exceeds " + limit + " bytes (fraudops.serving.max-body-bytes)")));
  }
}
