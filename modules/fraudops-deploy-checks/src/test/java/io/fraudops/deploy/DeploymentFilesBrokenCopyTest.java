package io.fraudops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.deploy.files.StackCheck;
import io.fraudops.deploy.files.WorkflowCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workflow and stack checks fail on a broken copy, naming what broke. */
class DeploymentFilesBrokenCopyTest {

  @TempDir Path copy;

  record Breakage(String name, String file, String from, String to, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Breakage> breakages() {
    return Stream.of(
        new Breakage(
            "needs a job that does not exist",
            ".github/workflows/cd.yml",
            "needs: [build-and-push, deploy-production]",
            "needs: [build-and-push, deploy-prod]",
            "needs 'deploy-prod', which is not a job"),
        new Breakage(
            "smoke-test script removed",
            "-deploy/scripts/smoke-test.sh",
            "",
            "",
            "deploy/scripts/smoke-test.sh, which does not exist"),
        new Breakage(
            "Dockerfile renamed in the build step",
            ".github/workflows/ci.yml",
            "file: Dockerfile",
            "file: docker/fastapi.Dockerfile",
            "file docker/fastapi.Dockerfile does not exist"),
        new Breakage(
            "reusable workflow input renamed",
            ".github/workflows/deploy.yml",
            "      image-tag:\n        description",
            "      image:\n        description",
            "passes 'image-tag', which ./.github/workflows/deploy.yml does not declare"),
        new Breakage(
            "step output of a missing step",
            ".github/workflows/deploy.yml",
            "id: render-api",
            "id: render-scoring",
            "refers to steps.render-api"),
        new Breakage(
            "expression on a job not needed",
            ".github/workflows/cd.yml",
            "    needs: [build-and-push, deploy-staging]",
            "    needs: [deploy-staging]",
            "uses needs.build-and-push without needing that job"),
        new Breakage(
            "compose depends on a missing service",
            "docker-compose.yml",
            "      control-plane:\n        condition: service_healthy",
            "      registry:\n        condition: service_healthy",
            "depends on 'registry', which is not a service"),
        new Breakage(
            "compose mounts a missing file",
            "-deploy/prometheus/prometheus.yml",
            "",
            "",
            "mounts ./deploy/prometheus/prometheus.yml, which does not exist"),
        new Breakage(
            "Dockerfile copies a missing module",
            "Dockerfile",
            "COPY modules/fraudops-app/src/ modules/fraudops-app/src/",
            "COPY modules/fraudops-api/src/ modules/fraudops-api/src/",
            "COPY modules/fraudops-api/src/ does not exist"),
        new Breakage(
            "image runs as root", "Dockerfile", "USER 10001:10001", "USER root", "non-root USER"),
        new Breakage(
            "compose variable left undocumented",
            "docker-compose.yml",
            "${POSTGRES_DB:-fraudops}",
            "${POSTGRES_DATABASE:-fraudops}",
            "${POSTGRES_DATABASE}, which .env.example does not document"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void brokenCopyFails(Breakage breakage) throws IOException {
    Path root = Repository.root();
    for (String entry :
        List.of(
            ".github",
            "deploy",
            ".ci",
            "Makefile",
            "Dockerfile",
            "docker-compose.yml",
            ".env.example",
            "mvnw",
            "fraudops",
            "pom.xml",
            ".mvn",
            "data")) {
      TerraformBrokenCopyTest.copyTree(root.resolve(entry), copy.resolve(entry), "target");
    }
    // The Dockerfile copies each module's pom and source folder: their presence is what counts.
    try (Stream<Path> modules = Files.list(root.resolve("modules"))) {
      for (Path module : modules.toList()) {
        Path target = copy.resolve("modules").resolve(module.getFileName().toString());
        Files.createDirectories(target.resolve("src"));
        Files.copy(module.resolve("pom.xml"), target.resolve("pom.xml"));
      }
    }
    if (breakage.file().startsWith("-")) {
      Files.delete(copy.resolve(breakage.file().substring(1)));
    } else {
      Path target = copy.resolve(breakage.file());
      String text = Files.readString(target);
      assertThat(text).as("the edit must apply to the real file").contains(breakage.from());
      Files.writeString(target, text.replace(breakage.from(), breakage.to()));
    }

    List<String> problems = new ArrayList<>(WorkflowCheck.check(copy));
    problems.addAll(StackCheck.check(copy));

    assertThat(problems)
        .as(breakage.name())
        .anySatisfy(problem -> assertThat(problem).contains(breakage.expected()));
  }
}
