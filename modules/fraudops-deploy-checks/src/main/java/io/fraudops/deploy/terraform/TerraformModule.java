package io.fraudops.deploy.terraform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one Terraform module directory declares and what it refers to, read from every {@code .tf}
 * file in it.
 *
 * @param variables declared input variables by name
 * @param outputs declared outputs
 * @param sensitiveOutputs outputs marked {@code sensitive = true}
 * @param locals names declared in {@code locals} blocks
 * @param calls {@code module} blocks by name
 * @param resources {@code type.name} of every {@code resource} block
 * @param dataSources {@code type.name} of every {@code data} block
 * @param references every {@code var.}, {@code local.}, {@code module.}, {@code data.} and resource
 *     traversal
 * @param literals every literal string with the attribute it is assigned to
 * @param problems syntax errors and unreadable files
 */
public record TerraformModule(
    Path directory,
    Map<String, Variable> variables,
    Set<String> outputs,
    Set<String> sensitiveOutputs,
    Set<String> locals,
    Map<String, ModuleCall> calls,
    Set<String> resources,
    Set<String> dataSources,
    List<Reference> references,
    List<Literal> literals,
    List<Problem> problems) {

  /** An input variable; {@code required} when it has no default. */
  public record Variable(
      String name, boolean required, boolean typed, boolean described, Location at) {}

  /** A {@code module} block: its source and the arguments it passes. */
  public record ModuleCall(String name, String source, Set<String> arguments, Location at) {}

  /** A traversal such as {@code module.vpc.vpc_id}, split at the dots. */
  public record Reference(List<String> parts, Location at) {
    @Override
    public String toString() {
      return String.join(".", parts);
    }
  }

  /** A literal string and the attribute (or variable default) it is assigned to. */
  public record Literal(String attribute, String value, Location at) {}
}
