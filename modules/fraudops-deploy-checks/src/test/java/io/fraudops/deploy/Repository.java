package io.fraudops.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root these checks read (set by the build; falls back to the module's parent). */
final class Repository {
  private Repository() {}

  static Path root() {
    String configured = System.getProperty("fraudops.repository");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("").toAbsolutePath().resolve("../..");
    root = root.toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("mvnw"))) {
      throw new IllegalStateException("not the fraudops repository root: " + root);
    }
    return root;
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }
}
