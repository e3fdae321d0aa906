package io.fraudops.app.training;

import io.fraudops.app.registry.ArtifactSettings;
import io.fraudops.app.registry.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A training or validation data file named by the user: a local path, or an {@code s3://bucket/key}
 * URI downloaded to a temporary file through the artifact store's S3 client settings (region,
 * endpoint, path style, default credentials). Close it to remove the download.
 *
 * @param name the location as the user wrote it (recorded as the dataset's path)
 * @param file a local file with the data
 */
public record DataLocation(String name, Path file, boolean temporary) implements AutoCloseable {

  public static boolean isS3(String location) {
    return location.startsWith("s3://");
  }

  /** Opens a location with the application's S3 settings. */
  public static DataLocation open(String location) {
    return isS3(location) ? open(location, ArtifactSettings.load()) : local(location);
  }

  public static DataLocation local(String location) {
    return new DataLocation(location, Path.of(location), false);
  }

  /**
   * Downloads {@code s3://bucket/key} with a client built from {@code settings}.
   *
   * @throws IllegalArgumentException for a malformed URI or a missing object, with a one-line
   *     reason
   */
  public static DataLocation open(String location, ArtifactSettings settings) {
    if (!isS3(location)) {
      return local(location);
    }
    String rest = location.substring("s3://".length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException(
          "an S3 data location is s3://bucket/key, not '" + location + "'");
    }
    String bucket = rest.substring(0, slash);
    String key = rest.substring(slash + 1);
    String lower = key.toLowerCase(Locale.ROOT);
    String suffix = lower.endsWith(".parquet") ? ".parquet" : lower.endsWith(".csv") ? ".csv" : "";
    Path target;
    try {
      target = Files.createTempFile("fraudops-data", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for " + location, e);
    }
    try (S3Client s3 = S3Clients.create(settings)) {
      Files.delete(target); // the SDK refuses to overwrite
      s3.getObject(b -> b.bucket(bucket).key(key), target);
      return new DataLocation(location, target, true);
    } catch (NoSuchKeyException e) {
      throw new IllegalArgumentException("no object at " + location, e);
    } catch (S3Exception e) {
      throw new IllegalArgumentException(
          "cannot read " + location + ": " + e.awsErrorDetails().errorMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download " + location, e);
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // best effort
      }
      throw e;
    }
  }

  @Override
  public void close() {
    if (temporary) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }
}
