package io.fraudops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.deploy.terraform.Location;
import io.fraudops.deploy.terraform.Problem;
import io.fraudops.deploy.terraform.TerraformCheck;
import io.fraudops.deploy.terraform.TerraformModule;
import io.fraudops.deploy.terraform.TerraformReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** deploy/aws/terraform as Terraform would wire it, checked with an HCL parser. */
class TerraformConfigurationTest {

  static final Path TERRAFORM = Repository.path("deploy/aws/terraform");

  static final Set<String> MODULES =
      Set.of(
          "vpc",
          "security",
          "s3",
          "rds",
          "ecr",
          "ecs",
          "alb",
          "ecs-service",
          "scheduled-task",
          "cloudwatch",
          "sns",
          "iam");

  @Test
  void rootConfigurationAndEveryModuleAreWiredCorrectly() {
    TerraformCheck.Result result = TerraformCheck.check(TERRAFORM);
    assertThat(result.problems()).isEmpty();

    Map<String, Integer> resources = new TreeMap<>();
    result
        .modules()
        .forEach(
            (dir, module) ->
                resources.put(
                    TERRAFORM.relativize(dir).toString().replace("modules/", ""),
                    module.resources().size()));
    // Every module of the issue is called (so checked) and creates something.
    assertThat(resources.keySet()).containsAll(MODULES);
    MODULES.forEach(name -> assertThat(resources.get(name)).as(name).isPositive());
    System.out.println("terraform resource blocks per module: " + resources);
  }

  @Test
  void bootstrapOfTheStateBucketAndLockTableIsWiredCorrectly() {
    TerraformCheck.Result result = TerraformCheck.check(TERRAFORM.resolve("bootstrap"));
    assertThat(result.problems()).isEmpty();
    TerraformModule bootstrap = result.modules().values().iterator().next();
    assertThat(bootstrap.resources())
        .contains(
            "aws_s3_bucket.state", "aws_dynamodb_table.locks", "aws_s3_bucket_versioning.state");
  }

  @Test
  void backendLocksWithTheBootstrapTable() throws Exception {
    String backend = Files.readString(TERRAFORM.resolve("backend.tf"));
    assertThat(backend).contains("backend \"s3\"", "encrypt        = true");
    Matcher table = Pattern.compile("dynamodb_table\\s*=\\s*\"([^\"]+)\"").matcher(backend);
    assertThat(table.find()).isTrue();
    // The bootstrap names its table "${var.project_name}-terraform-locks", default fraudops.
    assertThat(table.group(1)).isEqualTo("fraudops-terraform-locks");
    assertThat(Files.readString(TERRAFORM.resolve("bootstrap/main.tf")))
        .contains("table  = \"${var.project_name}-terraform-locks\"");
  }

  @Test
  void versionsAreTerraform17AndAwsProvider5() throws Exception {
    TerraformModule root = TerraformReader.read(TERRAFORM);
    Map<String, String> literals =
        root.literals().stream()
            .filter(l -> l.at().file().getFileName().toString().equals("versions.tf"))
            .collect(
                Collectors.toMap(
                    l -> l.attribute() + "=" + l.value(), l -> l.value(), (a, b) -> a));
    assertThat(literals).containsKeys("required_version=>= 1.7.0", "version=~> 5.0");
  }

  @Test
  void outputsOfTheGuideExistAndTheDatabaseEndpointIsSensitive() throws Exception {
    TerraformModule root = TerraformReader.read(TERRAFORM);
    assertThat(root.outputs())
        .contains(
            "api_endpoint",
            "console_endpoint",
            "ecr_repositories",
            "rds_endpoint",
            "s3_buckets",
            "ecs_cluster_name");
    assertThat(root.sensitiveOutputs()).contains("rds_endpoint");
  }

  @Test
  void variablesOfTheGuideAreDeclaredTypedAndValidatedWhereTheyCanBeWrong() throws Exception {
    TerraformModule root = TerraformReader.read(TERRAFORM);
    assertThat(root.variables())
        .containsKeys(
            "aws_region",
            "environment",
            "db_username",
            "db_password",
            "alert_email_addresses",
            "acm_certificate_arn",
            "use_spot_instances",
            "rds_instance_class",
            "api_desired_count",
            "rds_multi_az",
            "log_retention_days");
    String variables = Files.readString(TERRAFORM.resolve("variables.tf"));
    for (String name :
        List.of(
            "aws_region",
            "environment",
            "db_username",
            "db_password",
            "alert_email_addresses",
            "acm_certificate_arn",
            "rds_instance_class",
            "api_desired_count",
            "log_retention_days")) {
      String block = variables.substring(variables.indexOf("variable \"" + name + "\""));
      block = block.substring(0, block.indexOf("\n}\n") + 2);
      assertThat(block).as(name).contains("validation {", "var." + name);
    }
  }

  @Test
  void bothProfilesOfTheExampleVariablesFileSetOnlyDeclaredVariables() throws Exception {
    TerraformModule root = TerraformReader.read(TERRAFORM);
    Path example = TERRAFORM.resolve("terraform.tfvars.example");
    String text = Files.readString(example);
    Set<String> required =
        root.variables().values().stream()
            .filter(TerraformModule.Variable::required)
            .map(TerraformModule.Variable::name)
            .collect(Collectors.toSet());
    assertThat(required).containsExactlyInAnyOrder("environment", "image_tag");

    Map<String, Location> production = TerraformReader.readAssignments(example, text);
    List<Problem> problems = TerraformCheck.checkAssignments(root, production, required);
    assertThat(problems).isEmpty();
    assertThat(text).contains("environment = \"production\"");

    // The dev profile is the commented block: uncommented, it must stand as a file of its own.
    String dev =
        text.lines()
            .map(line -> line.matches("^# [a-z_]+\\s+=.*") ? line.substring(2) : "")
            .collect(Collectors.joining("\n", "", "\n"));
    Map<String, Location> devAssignments = TerraformReader.readAssignments(example, dev);
    assertThat(devAssignments)
        .containsKeys("use_spot_instances", "single_nat_gateway", "rds_instance_class");
    assertThat(dev).contains("environment                 = \"dev\"");
    assertThat(TerraformCheck.checkAssignments(root, devAssignments, required)).isEmpty();
    assertThat(text).doesNotContain("db_password");
  }
}
