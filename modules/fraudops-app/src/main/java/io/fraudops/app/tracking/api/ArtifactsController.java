package io.fraudops.app.tracking.api;

import io.fraudops.app.mlflow.ErrorCode;
import io.fraudops.app.mlflow.MlflowException;
import io.fraudops.app.mlflow.MlflowRequest;
import io.fraudops.app.registry.ArtifactKeys;
import io.fraudops.app.registry.ArtifactStore;
import io.fraudops.app.registry.ArtifactStore.ArtifactEntry;
import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.app.search.PageToken;
import io.fraudops.app.tracking.ArtifactUris;
import io.fraudops.app.tracking.RunInfo;
import io.fraudops.app.tracking.TrackingStore;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MLflow's artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts/<path>}: GET downloads, PUT
 * uploads, DELETE deletes; GET without a path and {@code ?path=} lists) and the tracking API's
 * {@code /api/2.0/mlflow/artifacts/list}, over whichever {@link ArtifactStore} is configured.
 * Uploads are spooled to a temporary file first, so a large one is never held in memory.
 */
@RestController
@ConditionalOnRole(Role.CONTROL_PLANE)
@ConditionalOnWebApplication
@RequestMapping(path = "/api/2.0")
@Tag(name = "MLflow artifacts", description = "MLflow artifact proxy and artifact listing")
class ArtifactsController {

  private static final String PROXY = "/mlflow-artifacts/artifacts";

  private final ArtifactStore artifacts;
  private final TrackingStore tracking;

  ArtifactsController(ArtifactStore artifacts, TrackingStore tracking) {
    this.artifacts = artifacts;
    this.tracking = tracking;
  }

  @GetMapping(PROXY + "/{*path}")
  ResponseEntity<?> downloadOrList(@PathVariable("path") String path, HttpServletRequest http) {
    String key = ArtifactKeys.folder(path);
    if (key.isEmpty()) {
      String folder = ArtifactKeys.folder(MlflowRequest.of(http).string("path"));
      ObjectNode out = TrackingJson.object();
      ArrayNode files = out.putArray("files");
      for (ArtifactEntry e : artifacts.list(folder)) {
        files.add(TrackingJson.fileInfo(e.path(), e));
      }
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
    }
    byte[] content = artifacts.get(key);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(content);
  }

  @PutMapping(path = PROXY + "/{*path}", produces = "application/json")
  ObjectNode upload(@PathVariable("path") String path, HttpServletRequest http) {
    String key = ArtifactKeys.check(path);
    Path spool = null;
    try {
      spool = Files.createTempFile("fraudops-upload", ".tmp");
      try (InputStream in = http.getInputStream();
          OutputStream out = Files.newOutputStream(spool)) {
        in.transferTo(out);
      }
      artifacts.put(key, spool);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot receive the upload of " + key, e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
    return TrackingJson.object();
  }

  @DeleteMapping(path = PROXY + "/{*path}", produces = "application/json")
  ObjectNode delete(@PathVariable("path") String path) {
    artifacts.delete(ArtifactKeys.check(path));
    return TrackingJson.object();
  }

  /** MLflow's ListArtifacts: a run's artifacts below {@code path}, paths relative to the run. */
  @GetMapping(path = "/mlflow/artifacts/list", produces = "application/json")
  ObjectNode list(HttpServletRequest http) {
    MlflowRequest r = MlflowRequest.of(http);
    String runId = r.has("run_id") ? r.required("run_id") : r.required("run_uuid");
    RunInfo run = tracking.runInfo(runId);
    String sub = ArtifactKeys.folder(r.string("path"));
    int offset = PageToken.offset(r.string("page_token"));
    List<ArtifactEntry> entries =
        artifacts.list(ArtifactKeys.join(ArtifactUris.key(run.artifactUri()), sub));
    ObjectNode out = TrackingJson.object();
    out.put("root_uri", run.artifactUri());
    ArrayNode files = out.putArray("files");
    int pageSize = 1000;
    for (int i = offset; i < Math.min(entries.size(), offset + pageSize); i++) {
      ArtifactEntry e = entries.get(i);
      files.add(TrackingJson.fileInfo(ArtifactKeys.join(sub, e.path()), e));
    }
    if (entries.size() > offset + pageSize) {
      out.put("next_page_token", PageToken.of(offset + pageSize));
    }
    return out;
  }

  /** Unknown MLflow API paths answer in MLflow's error format, not the scoring API's. */
  @RequestMapping(path = "/mlflow/**")
  ObjectNode unknown(HttpServletRequest http) {
    throw new MlflowException(
        ErrorCode.ENDPOINT_NOT_FOUND,
        "No endpoint " + http.getMethod() + " " + http.getRequestURI() + " in the MLflow API");
  }
}
