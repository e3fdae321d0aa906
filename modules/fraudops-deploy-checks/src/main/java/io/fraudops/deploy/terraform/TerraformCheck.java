package io.fraudops.deploy.terraform;

import io.fraudops.deploy.terraform.TerraformModule.Literal;
import io.fraudops.deploy.terraform.TerraformModule.ModuleCall;
import io.fraudops.deploy.terraform.TerraformModule.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code terraform validate} would refuse about the wiring of a configuration, found without
 * Terraform: every module {@code source} exists; every module call passes each variable the module
 * requires and none it does not declare; every {@code var.}, {@code local.}, {@code module.X[.Y]},
 * {@code data.} and resource reference resolves; every variable has a type and a description. On
 * top, no secret may be written as a literal. Modules are checked once each, wherever they are
 * called from.
 */
public final class TerraformCheck {

  /** Attribute names whose literal value would be a credential. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i)(password|passwd|secret|token|private_key|access_key|api_key)");

  /** Names that only point at a secret (ARNs, ids, lengths...). */
  private static final Pattern SECRET_POINTER =
      Pattern.compile("(?i).*(_arn|_id|_name|_length|_ttl|description)$");

  /** Credentials recognisable by their shape, whatever they are assigned to. */
  private static final List<Pattern> SECRET_SHAPES =
      List.of(
          Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
          Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
          Pattern.compile("\\bxox[abpr]-[A-Za-z0-9-]{10,}"));

  private static final Pattern RESOURCE_TYPE =
      Pattern.compile("^(aws|random|tls|null)_[a-z0-9_]+$");

  private final Map<Path, TerraformModule> modules = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private TerraformCheck() {}

  /** Checks the configuration in {@code root} and every local module it calls, transitively. */
  public static Result check(Path root) {
    TerraformCheck check = new TerraformCheck();
    check.module(root.toAbsolutePath().normalize());
    return new Result(Map.copyOf(check.modules), List.copyOf(check.problems));
  }

  /** The modules read (by directory) and every problem found. */
  public record Result(Map<Path, TerraformModule> modules, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private TerraformModule module(Path directory) {
    TerraformModule known = modules.get(directory);
    if (known != null) {
      return known;
    }
    TerraformModule module;
    try {
      module = TerraformReader.read(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    modules.put(directory, module);
    problems.addAll(module.problems());
    for (TerraformModule.Variable variable : module.variables().values()) {
      if (!variable.typed()) {
        problems.add(new Problem(variable.at(), "variable '" + variable.name() + "' has no type"));
      }
      if (!variable.described()) {
        problems.add(
            new Problem(variable.at(), "variable '" + variable.name() + "' has no description"));
      }
    }
    Map<String, TerraformModule> called = new LinkedHashMap<>();
    for (ModuleCall call : module.calls().values()) {
      TerraformModule target = moduleCall(directory, call);
      if (target != null) {
        called.put(call.name(), target);
      }
    }
    for (Reference reference : module.references()) {
      reference(module, called, reference);
    }
    for (Literal literal : module.literals()) {
      literal(literal);
    }
    return module;
  }

  private TerraformModule moduleCall(Path directory, ModuleCall call) {
    String source = call.source();
    if (source == null || !(source.startsWith("./") || source.startsWith("../"))) {
      problems.add(
          new Problem(
              call.at(),
              "module '" + call.name() + "': source '" + source + "' is not a local path"));
      return null;
    }
    Path target = directory.resolve(source).normalize();
    if (!Files.isDirectory(target) || !hasTerraformFiles(target)) {
      problems.add(
          new Problem(
              call.at(),
              "module '"
                  + call.name()
                  + "': source '"
                  + source
                  + "' does not exist ("
                  + target
                  + ")"));
      return null;
    }
    TerraformModule module = module(target);
    for (TerraformModule.Variable variable : module.variables().values()) {
      if (variable.required() && !call.arguments().contains(variable.name())) {
        problems.add(
            new Problem(
                call.at(),
                "module '"
                    + call.name()
                    + "' does not pass required variable '"
                    + variable.name()
                    + "' of "
                    + source));
      }
    }
    for (String argument : call.arguments()) {
      if (!module.variables().containsKey(argument)) {
        problems.add(
            new Problem(
                call.at(),
                "module '"
                    + call.name()
                    + "' passes '"
                    + argument
                    + "', which "
                    + source
                    + " does not declare"));
      }
    }
    return module;
  }

  private void reference(
      TerraformModule module, Map<String, TerraformModule> called, Reference reference) {
    List<String> parts = reference.parts();
    String head = parts.get(0);
    String missing =
        switch (head) {
          case "var" ->
              parts.size() < 2 || !module.variables().containsKey(parts.get(1))
                  ? "undeclared variable"
                  : null;
          case "local" ->
              parts.size() < 2 || !module.locals().contains(parts.get(1))
                  ? "undeclared local value"
                  : null;
          case "module" -> moduleReference(module, called, parts);
          case "data" ->
              parts.size() < 3 || !module.dataSources().contains(parts.get(1) + "." + parts.get(2))
                  ? "undeclared data source"
                  : null;
          default ->
              RESOURCE_TYPE.matcher(head).matches()
                      && (parts.size() < 2
                          || !module.resources().contains(head + "." + parts.get(1)))
                  ? "undeclared resource"
                  : null;
        };
    if (missing != null) {
      problems.add(new Problem(reference.at(), missing + ": " + reference));
    }
  }

  private static String moduleReference(
      TerraformModule module, Map<String, TerraformModule> called, List<String> parts) {
    if (parts.size() < 2 || !module.calls().containsKey(parts.get(1))) {
      return "no such module call";
    }
    TerraformModule target = called.get(parts.get(1));
    if (target != null && parts.size() >= 3 && !target.outputs().contains(parts.get(2))) {
      return "module '" + parts.get(1) + "' has no such output";
    }
    return null;
  }

  private void literal(Literal literal) {
    String value = literal.value();
    for (Pattern shape : SECRET_SHAPES) {
      if (shape.matcher(value).find()) {
        problems.add(
            new Problem(
                literal.at(), "credential-shaped literal in '" + literal.attribute() + "'"));
        return;
      }
    }
    String name = literal.attribute() == null ? "" : literal.attribute();
    if (!value.isBlank()
        && SECRET_NAME.matcher(name).find()
        && !SECRET_POINTER.matcher(name).matches()) {
      problems.add(
          new Problem(
              literal.at(),
              "secret literal: '"
                  + name
                  + "' is set to a fixed string (generate it or read it from Secrets Manager)"));
    }
  }

  private static boolean hasTerraformFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> f.toString().endsWith(".tf"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Variables a {@code .tfvars} file sets that {@code module} does not declare. */
  public static List<Problem> checkAssignments(
      TerraformModule module, Map<String, Location> assignments, Set<String> mustSet) {
    List<Problem> found = new ArrayList<>();
    assignments.forEach(
        (name, at) -> {
          if (!module.variables().containsKey(name)) {
            found.add(new Problem(at, "'" + name + "' is not a variable of " + module.directory()));
          }
        });
    for (String name : mustSet) {
      if (!assignments.containsKey(name)) {
        found.add(
            new Problem(
                new Location(module.directory(), 0),
                "required variable '" + name + "' is not set"));
      }
    }
    return found;
  }
}
