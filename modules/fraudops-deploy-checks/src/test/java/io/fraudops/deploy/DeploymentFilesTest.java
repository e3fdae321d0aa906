package io.fraudops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.deploy.files.MakeTargets;
import io.fraudops.deploy.files.RepositoryPaths;
import io.fraudops.deploy.files.StackCheck;
import io.fraudops.deploy.files.WorkflowCheck;
import io.fraudops.deploy.terraform.TerraformModule;
import io.fraudops.deploy.terraform.TerraformReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The workflows, the compose stack, the image, the Makefile and .env.example, as they are. */
class DeploymentFilesTest {

  static final Path ROOT = Repository.root();

  @Test
  void workflowsReferOnlyToJobsFilesScriptsAndTargetsThatExist() throws IOException {
    assertThat(WorkflowCheck.check(ROOT)).isEmpty();
  }

  @Test
  void localStackImageAndMonitoringAreConsistent() throws IOException {
    assertThat(StackCheck.check(ROOT)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws IOException {
    return (Map<String, Object>)
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(ROOT.resolve(file)));
  }

  @Test
  void ciRunsEveryStageBranchProtectionRequires() throws IOException {
    Map<String, Object> jobs = (Map<String, Object>) yaml(".github/workflows/ci.yml").get("jobs");
    assertThat(jobs)
        .containsKeys(
            "lint", "terraform", "test-unit", "test-integration", "docker-build", "security-scan");
    String ci = Files.readString(ROOT.resolve(".github/workflows/ci.yml"));
    assertThat(ci)
        .contains(
            "spotless:check",
            "-Pstatic-analysis",
            "-Pcoverage",
            "services:",
            "postgres:",
            "redis:",
            "docker/build-push-action",
            "scan-type: fs",
            "image-ref: fraudops:ci",
            "makeAggregateBom",
            "name: sbom");
  }

  @Test
  void cdDeploysThroughStagingApprovalAndProductionWithRollback() throws IOException {
    Map<String, Object> jobs = (Map<String, Object>) yaml(".github/workflows/cd.yml").get("jobs");
    assertThat(jobs)
        .containsKeys("build-and-push", "deploy-staging", "deploy-production", "release");
    String cd = Files.readString(ROOT.resolve(".github/workflows/cd.yml"));
    String deploy = Files.readString(ROOT.resolve(".github/workflows/deploy.yml"));
    assertThat(cd)
        .contains("id-token: write", "role-to-assume:")
        .doesNotContain("AWS_SECRET_ACCESS_KEY");
    assertThat(deploy)
        .contains(
            "amazon-ecs-render-task-definition",
            "wait-for-service-stability: true",
            "deploy/scripts/smoke-test.sh",
            "if: failure() && needs.deploy.result == 'success'",
            "aws ecs update-service");
  }

  @Test
  void makefileHasEveryTargetOfTheGuide() throws IOException {
    assertThat(MakeTargets.of(ROOT.resolve("Makefile")))
        .contains(
            "help",
            "setup",
            "test",
            "test-unit",
            "test-integration",
            "lint",
            "format",
            "clean",
            "docker-build",
            "docker-up",
            "docker-down",
            "docker-logs",
            "generate-data",
            "train-local",
            "health-check",
            "run");
  }

  /** Every FRAUDOPS_* key the code or application.yml reads is in .env.example, with a comment. */
  @Test
  void envExampleDocumentsEveryConfigurationKeyWithAComment() throws IOException {
    Set<String> read = new LinkedHashSet<>();
    // A key ends in a letter or digit: "FRAUDOPS_ARTIFACTS_*" in a message names a family, not a
    // key.
    Pattern key = Pattern.compile("FRAUDOPS_[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Z0-9_])");
    try (Stream<Path> files = Files.walk(ROOT.resolve("modules"))) {
      for (Path file :
          files
              .filter(
                  f -> !f.toString().contains("/target/") && !f.toString().contains("/src/test/"))
              .filter(f -> !f.toString().contains("fraudops-deploy-checks"))
              .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yml"))
              .toList()) {
        Matcher m = key.matcher(Files.readString(file));
        while (m.find()) {
          read.add(m.group());
        }
      }
    }
    Matcher launcher = key.matcher(Files.readString(ROOT.resolve("fraudops")));
    while (launcher.find()) {
      read.add(launcher.group());
    }
    assertThat(read).contains("FRAUDOPS_HOME", "FRAUDOPS_ROLES", "FRAUDOPS_DB_URL");

    Path example = ROOT.resolve(".env.example");
    Set<String> documented = StackCheck.documentedKeys(example);
    assertThat(documented).containsAll(read);

    List<String> lines = Files.readAllLines(example);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("^#?\\s*[A-Z][A-Z0-9_]*=.*")) {
        int above = i - 1;
        while (above >= 0 && lines.get(above).matches("^#?\\s*[A-Z][A-Z0-9_]*=.*")) {
          above--; // keys documented together by one comment (POSTGRES_DB/USER/PASSWORD)
        }
        assertThat(above).as(lines.get(i)).isNotNegative();
        assertThat(lines.get(above)).as("comment above " + lines.get(i)).startsWith("# ");
      }
    }
  }

  /** The guide names only files and make targets that exist, and documents every knob. */
  @Test
  void deploymentGuideReferencesWhatExistsAndCoversEveryVariableAndOutput() throws Exception {
    String guide = Files.readString(ROOT.resolve("docs/DEPLOYMENT.md"));
    for (String path : RepositoryPaths.named(guide)) {
      assertThat(ROOT.resolve(path)).as("docs/DEPLOYMENT.md names " + path).exists();
    }
    assertThat(MakeTargets.of(ROOT.resolve("Makefile")))
        .containsAll(RepositoryPaths.makeTargets(guide));
    TerraformModule root = TerraformReader.read(ROOT.resolve("deploy/aws/terraform"));
    for (String name : root.variables().keySet()) {
      assertThat(guide).as("variable " + name).contains("`" + name);
    }
    for (String name :
        List.of(
            "api_endpoint",
            "console_endpoint",
            "ecr_repositories",
            "rds_endpoint",
            "s3_buckets",
            "ecs_cluster_name",
            "github_deploy_role_arn")) {
      assertThat(guide).as("output " + name).contains(name);
    }
    for (String section :
        List.of(
            "Prerequisites",
            "Local set-up",
            "AWS account and Terraform state",
            "Terraform apply",
            "Image build and push",
            "branch protection",
            "Verification",
            "Monitoring and logs",
            "Scaling",
            "Backups",
            "Troubleshooting",
            "Cost",
            "Rollback",
            "Destroy")) {
      assertThat(guide).as("section " + section).containsPattern("(?m)^## \\d+\\. .*" + section);
    }
  }

  @Test
  void preCommitCoversFormattingYamlLargeFilesAndSecrets() throws IOException {
    String config = Files.readString(ROOT.resolve(".pre-commit-config.yaml"));
    yaml(".pre-commit-config.yaml");
    assertThat(config)
        .contains(
            "spotless:apply",
            "id: yamllint",
            "check-added-large-files",
            "id: gitleaks",
            "detect-private-key");
    assertThat(ROOT.resolve(".yamllint.yml")).isRegularFile();
  }
}
