package io.fraudops.app.search;

import io.fraudops.app.mlflow.MlflowException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opaque {@code page_token}s: base64 of {@code {"offset": N}}, as MLflow's own server writes them.
 */
public final class PageToken {
  private PageToken() {}

  private static final Pattern OFFSET =
      Pattern.compile("\\{\\s*\"offset\"\\s*:\\s*(\\d{1,9})\\s*}");

  public static String of(int offset) {
    return Base64.getEncoder()
        .encodeToString(("{\"offset\": " + offset + "}").getBytes(StandardCharsets.UTF_8));
  }

  /** The offset a token stands for; 0 for none. */
  public static int offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String json = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      Matcher m = OFFSET.matcher(json.strip());
      if (m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    } catch (IllegalArgumentException e) {
      // fall through to the refusal
    }
    throw MlflowException.invalid("Invalid page token '" + token + "'");
  }
}
