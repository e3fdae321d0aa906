package io.fraudops.app.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Artifacts as files under one root folder; writes are atomic (temp file, then rename). */
public final class LocalArtifactStore implements ArtifactStore {

  private final Path root;

  public LocalArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] content) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".artifact", ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store artifact " + target, e);
    }
  }

  @Override
  public byte[] get(String key) {
    Path file = resolve(key);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ArtifactNotFoundException("artifact not found: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + file, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public String locate(String key) {
    return resolve(key).toString();
  }

  private Path resolve(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("artifact key escapes the store: " + key);
    }
    return file;
  }
}
