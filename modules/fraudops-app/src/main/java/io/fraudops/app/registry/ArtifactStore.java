package io.fraudops.app.registry;

/**
 * Where model bundles and other artifacts live, addressed by slash-separated keys. Local folder by
 * default; an S3 implementation can stand in without the registry noticing.
 */
public interface ArtifactStore {

  void put(String key, byte[] content);

  /**
   * @throws ArtifactNotFoundException when nothing is stored under the key
   */
  byte[] get(String key);

  boolean exists(String key);

  /** A human-readable location (file path or URI) for messages. */
  String locate(String key);
}
