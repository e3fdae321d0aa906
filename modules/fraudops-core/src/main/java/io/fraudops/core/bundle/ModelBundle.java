package io.fraudops.core.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained model as one immutable, checksummed artifact: a zip holding {@code manifest.json}, the
 * learner's model file and the training-data profile. The manifest lists a SHA-256 for every other
 * entry; {@link #read(Path)} verifies them all, so a bundle that loads is the bundle that was
 * written. Writing is deterministic (sorted entries, fixed timestamps): the same content gives the
 * same bytes and the same archive digest.
 */
public final class ModelBundle {

  public static final String MANIFEST = "manifest.json";
  public static final String PROFILE = "profile.json";
  private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01

  private final BundleManifest manifest;
  private final Map<String, byte[]> entries;

  private ModelBundle(BundleManifest manifest, Map<String, byte[]> entries) {
    this.manifest = manifest;
    this.entries = entries;
  }

  /**
   * Builds a bundle from a draft manifest and its entries; the manifest's file checksums are
   * computed here. The draft must name a {@code modelFile} present in {@code entries}.
   */
  public static ModelBundle create(BundleManifest draft, Map<String, byte[]> entries) {
    if (!entries.containsKey(draft.modelFile())) {
      throw new IllegalArgumentException(
          "model file " + draft.modelFile() + " missing from entries");
    }
    if (entries.containsKey(MANIFEST)) {
      throw new IllegalArgumentException(MANIFEST + " is written by the bundle itself");
    }
    Map<String, byte[]> copy = new TreeMap<>();
    Map<String, String> files = new TreeMap<>();
    entries.forEach(
        (name, bytes) -> {
          copy.put(name, bytes.clone());
          files.put(name, Sha256.of(bytes));
        });
    return new ModelBundle(draft.withFiles(files), copy);
  }

  public BundleManifest manifest() {
    return manifest;
  }

  public byte[] modelBytes() {
    return entry(manifest.modelFile());
  }

  /** A copy of one entry's bytes. */
  public byte[] entry(String name) {
    byte[] bytes = entries.get(name);
    if (bytes == null) {
      throw new BundleIntegrityException("bundle has no entry " + name);
    }
    return bytes.clone();
  }

  public boolean hasEntry(String name) {
    return entries.containsKey(name);
  }

  /** Writes the bundle atomically (temp file, then move) and returns the archive's SHA-256. */
  public String writeTo(Path target) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      if (dir == null) {
        throw new IllegalArgumentException("a bundle needs a file path, not " + target);
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".bundle", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(toBytes());
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Sha256.of(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bundle " + target, e);
    }
  }

  /** The archive bytes; deterministic for equal content. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, MANIFEST, Json.MAPPER.writeValueAsBytes(manifest));
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        put(zip, e.getKey(), e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(FIXED_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  /** Reads and verifies a bundle file. */
  public static ModelBundle read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new BundleIntegrityException("cannot read bundle " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads and verifies a bundle.
   *
   * @throws BundleIntegrityException when the archive is corrupt, lacks its manifest or model, or
   *     an entry's checksum differs from the manifest's
   */
  public static ModelBundle read(InputStream in) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleIntegrityException("corrupt bundle archive: " + e.getMessage(), e);
    }
    byte[] manifestBytes = entries.remove(MANIFEST);
    if (manifestBytes == null) {
      throw new BundleIntegrityException("not a model bundle: no " + MANIFEST);
    }
    BundleManifest manifest;
    try {
      manifest = Json.MAPPER.readValue(manifestBytes, BundleManifest.class);
    } catch (RuntimeException e) {
      throw new BundleIntegrityException("unreadable " + MANIFEST + ": " + e.getMessage(), e);
    }
    if (manifest.formatVersion() > BundleManifest.CURRENT_FORMAT) {
      throw new BundleIntegrityException(
          "bundle format "
              + manifest.formatVersion()
              + " is newer than this build reads ("
              + BundleManifest.CURRENT_FORMAT
              + ")");
    }
    if (!manifest.files().keySet().equals(entries.keySet())) {
      throw new BundleIntegrityException(
          "bundle entries "
              + entries.keySet()
              + " differ from the manifest's "
              + manifest.files().keySet());
    }
    for (Map.Entry<String, String> f : manifest.files().entrySet()) {
      String actual = Sha256.of(entries.get(f.getKey()));
      if (!actual.equals(f.getValue())) {
        throw new BundleIntegrityException(
            "checksum mismatch in "
                + f.getKey()
                + ": manifest "
                + f.getValue()
                + ", actual "
                + actual);
      }
    }
    if (!entries.containsKey(manifest.modelFile())) {
      throw new BundleIntegrityException("bundle lacks its model file " + manifest.modelFile());
    }
    return new ModelBundle(manifest, new TreeMap<>(entries));
  }
}
