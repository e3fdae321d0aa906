package io.fraudops.app.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Artifacts as objects in one S3 bucket under a key prefix (AWS SDK v2). Folders are key prefixes:
 * listing asks S3 for the prefix with a {@code /} delimiter, deleting a folder deletes every object
 * under it. Works against AWS, MinIO and other S3-protocol servers (endpoint override, path-style
 * addressing).
 */
public final class S3ArtifactStore implements ArtifactStore {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3ArtifactStore(S3Client s3, String bucket, String prefix) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          "the S3 artifact store needs a bucket (fraudops.artifacts.bucket / FRAUDOPS_ARTIFACTS_BUCKET)");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = ArtifactKeys.folder(prefix);
  }

  @Override
  public void put(String key, byte[] content) {
    s3.putObject(
        b -> b.bucket(bucket).key(full(ArtifactKeys.check(key))), RequestBody.fromBytes(content));
  }

  @Override
  public void put(String key, Path file) {
    s3.putObject(
        b -> b.bucket(bucket).key(full(ArtifactKeys.check(key))), RequestBody.fromFile(file));
  }

  @Override
  public byte[] get(String key) {
    String k = full(ArtifactKeys.check(key));
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(k)).asByteArray();
    } catch (NoSuchKeyException e) {
      throw new ArtifactNotFoundException("artifact not found: " + uri(k));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new ArtifactNotFoundException("artifact not found: " + uri(k));
      }
      throw e;
    }
  }

  @Override
  public boolean exists(String key) {
    String k = full(ArtifactKeys.check(key));
    try {
      s3.headObject(b -> b.bucket(bucket).key(k));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<ArtifactEntry> list(String folder) {
    String dir = full(ArtifactKeys.folder(folder));
    String listed = dir.isEmpty() ? "" : dir + "/";
    List<ArtifactEntry> out = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(listed).delimiter("/").build();
    for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
      for (CommonPrefix p : page.commonPrefixes()) {
        String name = p.prefix().substring(listed.length());
        if (name.endsWith("/")) {
          name = name.substring(0, name.length() - 1);
        }
        if (!name.isEmpty()) {
          out.add(new ArtifactEntry(name, true, -1));
        }
      }
      for (S3Object o : page.contents()) {
        String name = o.key().substring(listed.length());
        if (!name.isEmpty()) {
          out.add(new ArtifactEntry(name, false, o.size()));
        }
      }
    }
    out.sort(Comparator.comparing(ArtifactEntry::path));
    return out;
  }

  /**
   * Deletes the object and every object under {@code key/}, one request each: DeleteObjects needs a
   * checksum header that not every S3-compatible server implements, and artifact folders are small.
   */
  @Override
  public void delete(String key) {
    String k = full(ArtifactKeys.check(key));
    s3.deleteObject(b -> b.bucket(bucket).key(k));
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(k + "/").build();
    List<String> keys = new ArrayList<>();
    for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
      page.contents().forEach(o -> keys.add(o.key()));
    }
    for (String child : keys) {
      s3.deleteObject(b -> b.bucket(bucket).key(child));
    }
  }

  @Override
  public String locate(String key) {
    return uri(full(ArtifactKeys.folder(key)));
  }

  private String full(String key) {
    return ArtifactKeys.join(prefix, key);
  }

  private String uri(String fullKey) {
    return "s3://" + bucket + "/" + fullKey;
  }
}
