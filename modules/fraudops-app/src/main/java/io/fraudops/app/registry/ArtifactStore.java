package io.fraudops.app.registry;

import java.nio.file.Path;
import java.util.List;

/**
 * Where model bundles and run artifacts live, addressed by slash-separated keys ({@code
 * models/<name>/<sha256>/bundle.zip}, {@code <experiment>/<run>/artifacts/<path>}). A local folder
 * by default ({@link LocalArtifactStore}), S3 in production ({@link S3ArtifactStore}); the
 * registry, tracking and the artifact proxy do not notice which. Keys are checked by {@link
 * ArtifactKeys}: no empty, {@code .} or {@code ..} segments, so no key escapes the store's root.
 */
public interface ArtifactStore {

  void put(String key, byte[] content);

  /** Stores a file's content under {@code key} (streamed, for large uploads). */
  void put(String key, Path file);

  /**
   * @throws ArtifactNotFoundException when nothing is stored under the key
   */
  byte[] get(String key);

  boolean exists(String key);

  /**
   * The direct children of a folder key ({@code ""} = the root): files with their sizes and
   * sub-folders, sorted by path; paths are relative to {@code folder}. Empty when nothing is there.
   */
  List<ArtifactEntry> list(String folder);

  /** Deletes a file, or a folder with everything under it; nothing there is not an error. */
  void delete(String key);

  /** A human-readable location (file path or URI) for messages. */
  String locate(String key);

  /**
   * One child in a listing.
   *
   * @param path relative to the listed folder
   * @param directory a folder (then {@code size} is -1)
   */
  record ArtifactEntry(String path, boolean directory, long size) {}
}
