package io.fraudops.app.tracking;

import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.registry.ArtifactKeys;

/**
 * {@code mlflow-artifacts:/<key>} URIs: the artifact proxy's scheme, mapped one to one onto keys of
 * the artifact store (whatever store is configured).
 */
public final class ArtifactUris {
  private ArtifactUris() {}

  public static final String SCHEME = "mlflow-artifacts:";

  public static String of(String key) {
    return SCHEME + "/" + key;
  }

  public static boolean isProxied(String uri) {
    return uri != null && uri.startsWith(SCHEME);
  }

  /** The store key of a {@code mlflow-artifacts:} URI (an authority, if any, is dropped). */
  public static String key(String uri) {
    if (!isProxied(uri)) {
      throw MlflowException.invalid(
          "artifact location '" + uri + "' is not served by this server (use " + SCHEME + "/...)");
    }
    String rest = uri.substring(SCHEME.length());
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    return ArtifactKeys.folder(rest);
  }
}
