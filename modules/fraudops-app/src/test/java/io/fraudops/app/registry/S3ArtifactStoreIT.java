package io.fraudops.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.support.S3Proxy;
import io.fraudops.app.support.TestModels;
import io.fraudops.app.training.DataLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 artifact store and {@code s3://} data against a real S3-protocol server (s3proxy on
 * loopback), through the same client settings the application builds.
 */
class S3ArtifactStoreIT {

  static S3Proxy server;
  static S3Client s3;
  static S3ArtifactStore store;

  @BeforeAll
  static void start() throws Exception {
    server = S3Proxy.start();
    server.exposeCredentials();
    server.createBucket("artifacts");
    server.createBucket("data");
    s3 = S3Clients.create(server.settings("artifacts", "team/fraud"));
    store = new S3ArtifactStore(s3, "artifacts", "team/fraud");
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void putGetExistsListAndDeleteNestedArtifacts(@TempDir Path tmp) throws Exception {
    store.put("1/run-a/artifacts/model/bundle.zip", "zip".getBytes(StandardCharsets.UTF_8));
    Path file = tmp.resolve("report.html");
    Files.writeString(file, "<html>report</html>");
    store.put("1/run-a/artifacts/evaluation/report.html", file);
    store.put("1/run-a/artifacts/evaluation/plots/roc.png", new byte[] {1, 2, 3});

    assertThat(store.get("1/run-a/artifacts/model/bundle.zip")).asString().isEqualTo("zip");
    assertThat(store.exists("1/run-a/artifacts/evaluation/report.html")).isTrue();
    assertThat(store.exists("1/run-a/artifacts/evaluation/nothing.txt")).isFalse();
    assertThat(store.list("1/run-a/artifacts"))
        .containsExactly(
            new ArtifactStore.ArtifactEntry("evaluation", true, -1),
            new ArtifactStore.ArtifactEntry("model", true, -1));
    assertThat(store.list("1/run-a/artifacts/evaluation"))
        .containsExactly(
            new ArtifactStore.ArtifactEntry("plots", true, -1),
            new ArtifactStore.ArtifactEntry("report.html", false, 19));
    assertThat(store.locate("1/run-a/artifacts/model/bundle.zip"))
        .isEqualTo("s3://artifacts/team/fraud/1/run-a/artifacts/model/bundle.zip");
    // the prefix is real: the object sits under it in the bucket
    assertThat(
            s3.headObject(
                    b -> b.bucket("artifacts").key("team/fraud/1/run-a/artifacts/model/bundle.zip"))
                .contentLength())
        .isEqualTo(3);

    store.delete("1/run-a/artifacts/evaluation");
    assertThat(store.list("1/run-a/artifacts"))
        .containsExactly(new ArtifactStore.ArtifactEntry("model", true, -1));
    assertThat(store.list("1/run-a/artifacts/evaluation")).isEmpty();
  }

  @Test
  void missingArtifactIsNotFoundAndKeysCannotEscape() {
    assertThatThrownBy(() -> store.get("nothing/here.zip"))
        .isInstanceOf(ArtifactNotFoundException.class)
        .hasMessageContaining("s3://artifacts/team/fraud/nothing/here.zip");
    assertThatThrownBy(() -> store.put("../outside", new byte[1]))
        .isInstanceOf(MlflowException.class);
  }

  @Test
  void registryBundlesRoundTripThroughS3() {
    byte[] archive = TestModels.first().toBytes();
    store.put("models/m/abc/bundle.zip", archive);
    assertThat(store.get("models/m/abc/bundle.zip")).isEqualTo(archive);
  }

  @Test
  void s3DataIsDownloadedWithTheArtifactStoreSettings() throws Exception {
    Path csv = TestModels.datasetFile();
    s3.putObject(b -> b.bucket("data").key("daily/transactions.csv"), RequestBody.fromFile(csv));
    ArtifactSettings settings = server.settings("artifacts", "");
    try (DataLocation data = DataLocation.open("s3://data/daily/transactions.csv", settings)) {
      assertThat(data.name()).isEqualTo("s3://data/daily/transactions.csv");
      assertThat(data.file()).hasSameBinaryContentAs(csv);
      assertThat(data.file().toString()).endsWith(".csv");
    }
    assertThatThrownBy(() -> DataLocation.open("s3://data/missing.csv", settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3://data/missing.csv");
    assertThatThrownBy(() -> DataLocation.open("s3://just-a-bucket", settings))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
