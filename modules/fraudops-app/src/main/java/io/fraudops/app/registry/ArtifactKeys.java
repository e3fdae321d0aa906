package io.fraudops.app.registry;

import io.fraudops.app.mlflow.MlflowException;

/** Checks artifact keys before any store sees them. */
public final class ArtifactKeys {
  private ArtifactKeys() {}

  /**
   * Returns the key without leading or trailing slashes.
   *
   * @throws MlflowException (INVALID_PARAMETER_VALUE) for empty, {@code .} or {@code ..} segments,
   *     backslashes or control characters
   */
  public static String check(String key) {
    String k = folder(key);
    if (k.isEmpty()) {
      throw MlflowException.invalid("artifact path must not be empty");
    }
    return k;
  }

  /** Like {@link #check} but allows the empty key (the root folder). */
  public static String folder(String key) {
    if (key == null) {
      return "";
    }
    String k = key;
    while (k.startsWith("/")) {
      k = k.substring(1);
    }
    while (k.endsWith("/")) {
      k = k.substring(0, k.length() - 1);
    }
    if (k.isEmpty()) {
      return k;
    }
    for (String segment : k.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw MlflowException.invalid("invalid artifact path '" + key + "'");
      }
    }
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (c == '\\' || c < 0x20) {
        throw MlflowException.invalid("invalid artifact path '" + key + "'");
      }
    }
    return k;
  }

  /** {@code a/b} + {@code c} = {@code a/b/c}; either may be empty. */
  public static String join(String folder, String child) {
    if (folder == null || folder.isEmpty()) {
      return child == null ? "" : child;
    }
    if (child == null || child.isEmpty()) {
      return folder;
    }
    return folder + "/" + child;
  }
}
