package io.fraudops.app.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Artifacts as files under one root folder; writes are atomic (temp file, then rename). */
public final class LocalArtifactStore implements ArtifactStore {

  private final Path root;

  public LocalArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] content) {
    Path target = resolve(ArtifactKeys.check(key));
    try {
      Path tmp = tempBeside(target);
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store artifact " + target, e);
    }
  }

  @Override
  public void put(String key, Path file) {
    Path target = resolve(ArtifactKeys.check(key));
    try {
      Path tmp = tempBeside(target);
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store artifact " + target, e);
    }
  }

  private static Path tempBeside(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.createTempFile(target.getParent(), ".artifact", ".tmp");
  }

  @Override
  public byte[] get(String key) {
    Path file = resolve(ArtifactKeys.check(key));
    try {
      if (Files.isDirectory(file)) {
        throw new ArtifactNotFoundException("artifact is a folder, not a file: " + key);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ArtifactNotFoundException("artifact not found: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + file, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(ArtifactKeys.check(key)));
  }

  @Override
  public List<ArtifactEntry> list(String folder) {
    Path dir = resolve(ArtifactKeys.folder(folder));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<ArtifactEntry> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.sorted().toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(".artifact") && name.endsWith(".tmp")) {
          continue; // an upload in progress
        }
        boolean directory = Files.isDirectory(child);
        out.add(new ArtifactEntry(name, directory, directory ? -1 : Files.size(child)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list artifacts under " + dir, e);
    }
    return out;
  }

  @Override
  public void delete(String key) {
    Path target = resolve(ArtifactKeys.check(key));
    if (!Files.exists(target)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(target)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete artifact " + target, e);
    }
  }

  @Override
  public String locate(String key) {
    return resolve(ArtifactKeys.folder(key)).toString();
  }

  private Path resolve(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("artifact key escapes the store: " + key);
    }
    return file;
  }
}
