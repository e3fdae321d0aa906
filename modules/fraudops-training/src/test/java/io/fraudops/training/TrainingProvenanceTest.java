package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.bundle.Provenance;
import org.junit.jupiter.api.Test;

class TrainingProvenanceTest {

  @Test
  void recordsTheDatasetCommitHostAndVersions() {
    Provenance p = TrainingProvenance.of(new DatasetInfo("d.parquet", 12, "beef"));

    assertThat(p.datasetPath()).isEqualTo("d.parquet");
    assertThat(p.datasetRows()).isEqualTo(12);
    assertThat(p.datasetSha256()).isEqualTo("beef");
    String env = System.getenv(TrainingProvenance.GIT_COMMIT_ENV);
    // Inside a git checkout: the HEAD commit; elsewhere the variable, else "unknown".
    assertThat(p.gitCommit())
        .satisfiesAnyOf(
            c -> assertThat(c).matches("[0-9a-f]{40}"),
            c -> assertThat(c).isEqualTo(env == null ? TrainingProvenance.UNKNOWN : env.strip()));
    assertThat(p.host()).isNotBlank();
    assertThat(p.versions())
        .containsEntry("java", Runtime.version().toString())
        .containsEntry("xgboost4j", "3.4.0")
        .containsEntry("fraudops", "0.1.0-SNAPSHOT");
  }
}
