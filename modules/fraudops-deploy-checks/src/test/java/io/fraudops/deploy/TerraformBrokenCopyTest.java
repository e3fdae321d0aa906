package io.fraudops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.deploy.terraform.Problem;
import io.fraudops.deploy.terraform.TerraformCheck;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check must fail on a broken configuration: each case copies deploy/aws/terraform, breaks one
 * thing the way a real edit would, and expects the problem that names it.
 */
class TerraformBrokenCopyTest {

  @TempDir Path copy;

  /** One realistic mistake: in {@code file}, {@code from} becomes {@code to}. */
  record Breakage(String name, String file, String from, String to, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Breakage> breakages() {
    return Stream.of(
        new Breakage(
            "module source removed",
            "-modules/sns",
            "",
            "",
            "source './modules/sns' does not exist"),
        new Breakage(
            "required argument dropped",
            "main.tf",
            "  cluster_arn                 = module.ecs.cluster_arn\n",
            "",
            "does not pass required variable 'cluster_arn'"),
        new Breakage(
            "undeclared argument passed",
            "main.tf",
            "  single_nat_gateway = var.single_nat_gateway\n",
            "  single_nat_gateway = var.single_nat_gateway\n  nat_gateways       = 3\n",
            "passes 'nat_gateways', which ./modules/vpc does not declare"),
        new Breakage(
            "misspelt variable",
            "main.tf",
            "var.vpc_cidr",
            "var.vpc_cidrs",
            "undeclared variable: var.vpc_cidrs"),
        new Breakage(
            "misspelt local",
            "locals.tf",
            "local.database_url",
            "local.db_url",
            "undeclared local value: local.db_url"),
        new Breakage(
            "output the module lacks",
            "outputs.tf",
            "module.ecs.cluster_name",
            "module.ecs.name",
            "module 'ecs' has no such output"),
        new Breakage(
            "module never called",
            "outputs.tf",
            "module.sns.topic_arn",
            "module.alerts.topic_arn",
            "no such module call: module.alerts.topic_arn"),
        new Breakage(
            "resource renamed",
            "modules/vpc/main.tf",
            "subnet_id      = aws_subnet.public[count.index].id",
            "subnet_id      = aws_subnet.edge[count.index].id",
            "undeclared resource: aws_subnet.edge"),
        new Breakage(
            "password written in",
            "modules/rds/main.tf",
            "password = local.password",
            "password = \"Sup3r-S3cret-Passw0rd\"",
            "secret literal: 'password'"),
        new Breakage(
            "access key written in",
            "modules/iam/main.tf",
            "\"sts.amazonaws.com\"]\n",
            "\"sts.amazonaws.com\", \"AKIAIOSFODNN7EXAMPLE\"]\n",
            "credential-shaped literal"),
        new Breakage(
            "secret default on a variable",
            "variables.tf",
            "  default     = null\n  sensitive   = true",
            "  default     = \"changeme-changeme\"\n  sensitive   = true",
            "secret literal: 'var.db_password'"),
        new Breakage(
            "variable without a type",
            "modules/sns/variables.tf",
            "  type        = list(string)\n",
            "",
            "variable 'email_addresses' has no type"),
        new Breakage(
            "unclosed block",
            "modules/ecr/outputs.tf",
            "repository.name }\n}\n",
            "repository.name }\n",
            "modules/ecr/outputs.tf:0: HCL syntax error"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void brokenCopyFails(Breakage breakage) throws IOException {
    copyTree(Repository.path("deploy/aws/terraform"), copy);
    if (breakage.file().startsWith("-")) {
      deleteTree(copy.resolve(breakage.file().substring(1)));
    } else {
      Path target = copy.resolve(breakage.file());
      String text = Files.readString(target);
      assertThat(text).as("the edit must apply to the real file").contains(breakage.from());
      Files.writeString(target, text.replace(breakage.from(), breakage.to()));
    }

    var result = TerraformCheck.check(copy);

    assertThat(result.problems().stream().map(Problem::toString))
        .as(breakage.name())
        .anySatisfy(problem -> assertThat(problem).contains(breakage.expected()));
  }

  static void copyTree(Path from, Path to) throws IOException {
    copyTree(from, to, null);
  }

  /** Copies a file or a folder; folders named {@code skip} (build outputs) are left out. */
  static void copyTree(Path from, Path to, String skip) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            if (skip != null && dir.getFileName().toString().equals(skip)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            if (target.getParent() != null) {
              Files.createDirectories(target.getParent());
            }
            Files.copy(file, target);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
