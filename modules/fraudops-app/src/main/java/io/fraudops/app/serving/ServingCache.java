package io.fraudops.app.serving;

import io.fraudops.app.registry.ModelVersion;
import io.fraudops.core.bundle.BundleIntegrityException;
import io.fraudops.core.bundle.Json;
import io.fraudops.core.bundle.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The last bundle serving swapped in, kept on local disk ({@code <home>/serving-cache/<model>/
 * <target>/}) with its registry record, so a server restarted while the registry database is down
 * still serves the last good model. Both files are written atomically; a cached bundle is verified
 * against the recorded SHA-256 (and every entry against its manifest) before it is used.
 */
final class ServingCache {

  static final String BUNDLE = "bundle.zip";
  static final String VERSION = "version.json";

  private final Path dir;

  ServingCache(Path home, String modelName, String target) {
    this.dir = home.resolve("serving-cache").resolve(safe(modelName)).resolve(safe(target));
  }

  /** A cached version and its archive bytes (archive SHA-256 already checked). */
  record Cached(ModelVersion version, byte[] archive) {}

  void save(ModelVersion version, byte[] archive) {
    try {
      Files.createDirectories(dir);
      write(dir.resolve(BUNDLE), archive);
      write(dir.resolve(VERSION), Json.MAPPER.writeValueAsBytes(version));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the serving cache " + dir, e);
    }
  }

  Optional<Cached> load() {
    Path bundle = dir.resolve(BUNDLE);
    Path record = dir.resolve(VERSION);
    if (!Files.isRegularFile(bundle) || !Files.isRegularFile(record)) {
      return Optional.empty();
    }
    try {
      ModelVersion version = Json.MAPPER.readValue(Files.readAllBytes(record), ModelVersion.class);
      byte[] archive = Files.readAllBytes(bundle);
      String actual = Sha256.of(archive);
      if (!actual.equals(version.bundleSha256())) {
        throw new BundleIntegrityException(
            "cached bundle "
                + bundle
                + " has SHA-256 "
                + actual
                + ", expected "
                + version.bundleSha256());
      }
      return Optional.of(new Cached(version, archive));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the serving cache " + dir, e);
    }
  }

  Path dir() {
    return dir;
  }

  private static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IOException("no folder for the serving cache file " + target);
    }
    Path tmp = Files.createTempFile(dir, ".cache", ".tmp");
    Files.write(tmp, content);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
