package io.fraudops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.deploy.terraform.Problem;
import io.fraudops.deploy.terraform.TerraformCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corners the repository's own files do not exercise. */
class TerraformReaderTest {

  @TempDir Path dir;

  @Test
  void referencesInsideAHeredocAreCheckedAndEscapedOnesAreNot() throws Exception {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        variable "bucket" {
          type        = string
          description = "a bucket"
        }

        resource "aws_s3_bucket_policy" "p" {
          bucket = var.bucket
          policy = <<-JSON
            {"Resource": "arn:aws:s3:::${var.bucket}/*", "Sid": "${var.missing}",
             "Literal": "$${var.escaped}"}
          JSON
        }
        """);

    var problems = TerraformCheck.check(dir).problems().stream().map(Problem::toString).toList();

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).contains("undeclared variable: var.missing");
  }

  @Test
  void aTopLevelAttributeInATfFileIsReported() throws Exception {
    Files.writeString(dir.resolve("main.tf"), "region = \"us-east-1\"\n");

    assertThat(TerraformCheck.check(dir).problems().stream().map(Problem::toString))
        .anySatisfy(p -> assertThat(p).contains("top-level 'region' outside a block"));
  }

  @Test
  void aRegistryModuleSourceIsNotALocalModule() throws Exception {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        module "vpc" {
          source  = "terraform-aws-modules/vpc/aws"
          version = "5.0.0"
        }
        """);

    assertThat(TerraformCheck.check(dir).problems().stream().map(Problem::toString))
        .anySatisfy(p -> assertThat(p).contains("is not a local path"));
  }
}
