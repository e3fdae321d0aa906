package io.fraudops.deploy.terraform;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.StringInterpolatedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import io.fraudops.deploy.terraform.TerraformModule.Literal;
import io.fraudops.deploy.terraform.TerraformModule.ModuleCall;
import io.fraudops.deploy.terraform.TerraformModule.Reference;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a Terraform module directory (its {@code *.tf} files, not subdirectories). */
public final class TerraformReader {

  /** Arguments of a module block that Terraform itself consumes. */
  static final Set<String> MODULE_META_ARGUMENTS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  /** An interpolation inside a heredoc or template string, which the lexer keeps as text. */
  private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([^}]*)}");

  /** A reference inside an interpolation. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(?:var|local|module)(?:\\.[A-Za-z_][\\w-]*){1,2}");

  private TerraformReader() {}

  public static TerraformModule read(Path directory) throws IOException {
    Collector collector = new Collector(directory);
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(f -> f.toString().endsWith(".tf")).sorted().toList();
    }
    for (Path file : files) {
      collector.file(file);
    }
    return collector.module();
  }

  /** Top-level attribute names of a variables file ({@code *.tfvars}), by line. */
  public static Map<String, Location> readAssignments(Path file, String text)
      throws HclSyntaxException {
    Map<String, Location> assignments = new LinkedHashMap<>();
    for (Symbol symbol : HclSyntax.parse(new java.io.StringReader(text))) {
      if (symbol instanceof HCLAttribute attribute) {
        assignments.put(attribute.getName(), new Location(file, line(symbol)));
      }
    }
    return assignments;
  }

  private static int line(Symbol symbol) {
    return symbol.getLine() == null ? 0 : symbol.getLine() + 1;
  }

  private static final class Collector {
    private final Path directory;
    private final Map<String, TerraformModule.Variable> variables = new LinkedHashMap<>();
    private final Set<String> outputs = new LinkedHashSet<>();
    private final Set<String> sensitiveOutputs = new LinkedHashSet<>();
    private final Set<String> locals = new LinkedHashSet<>();
    private final Map<String, ModuleCall> calls = new LinkedHashMap<>();
    private final Set<String> resources = new LinkedHashSet<>();
    private final Set<String> dataSources = new LinkedHashSet<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Literal> literals = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private Path file;

    Collector(Path directory) {
      this.directory = directory;
    }

    TerraformModule module() {
      return new TerraformModule(
          directory,
          variables,
          outputs,
          sensitiveOutputs,
          locals,
          calls,
          resources,
          dataSources,
          references,
          literals,
          problems);
    }

    void file(Path path) throws IOException {
      this.file = path;
      List<Symbol> symbols;
      try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        symbols = HclSyntax.parse(reader);
      } catch (HclSyntaxException e) {
        problems.add(new Problem(new Location(path, 0), "HCL syntax error: " + e.getMessage()));
        return;
      }
      for (Symbol symbol : symbols) {
        if (symbol instanceof HCLBlock block) {
          topLevelBlock(block);
        } else {
          problems.add(
              new Problem(
                  at(symbol),
                  "top-level '"
                      + symbol.getName()
                      + "' outside a block (a .tf file holds blocks; values go in .tfvars)"));
        }
      }
    }

    private Location at(Symbol symbol) {
      return new Location(file, line(symbol));
    }

    private void topLevelBlock(HCLBlock block) {
      List<String> names = block.blockNames;
      String kind = names.get(0);
      switch (kind) {
        case "variable" -> variable(block, names.get(1));
        case "output" -> {
          outputs.add(names.get(1));
          for (Symbol child : children(block)) {
            if (child instanceof HCLAttribute attribute
                && "sensitive".equals(attribute.getName())
                && children(attribute).size() == 1
                && children(attribute).get(0) instanceof HCLValue value
                && "true".equals(String.valueOf(value.value))) {
              sensitiveOutputs.add(names.get(1));
            }
          }
        }
        case "locals" -> {
          for (Symbol child : children(block)) {
            if (child instanceof HCLAttribute attribute) {
              locals.add(attribute.getName());
            }
          }
        }
        case "module" -> moduleCall(block, names.get(1));
        case "resource" -> resources.add(names.get(1) + "." + names.get(2));
        case "data" -> dataSources.add(names.get(1) + "." + names.get(2));
        default -> {}
      }
      walk(block, kind);
    }

    private void variable(HCLBlock block, String name) {
      boolean hasDefault = false;
      boolean typed = false;
      boolean described = false;
      for (Symbol child : children(block)) {
        if (child instanceof HCLAttribute attribute) {
          switch (attribute.getName()) {
            case "default" -> {
              hasDefault = true;
              String literal = stringValue(attribute);
              if (literal != null) {
                // Named after the variable, so a secret-looking variable's default is seen.
                literals.add(new Literal("var." + name, literal, at(attribute)));
              }
            }
            case "type" -> typed = true;
            case "description" -> described = true;
            default -> {}
          }
        }
      }
      variables.put(
          name, new TerraformModule.Variable(name, !hasDefault, typed, described, at(block)));
    }

    private void moduleCall(HCLBlock block, String name) {
      String source = null;
      Set<String> arguments = new LinkedHashSet<>();
      for (Symbol child : children(block)) {
        if (child instanceof HCLAttribute attribute) {
          if ("source".equals(attribute.getName())) {
            source = stringValue(attribute);
          } else if (!MODULE_META_ARGUMENTS.contains(attribute.getName())) {
            arguments.add(attribute.getName());
          }
        }
      }
      calls.put(name, new ModuleCall(name, source, arguments, at(block)));
    }

    private static String stringValue(HCLAttribute attribute) {
      List<Symbol> values = children(attribute);
      if (values.size() == 1
          && values.get(0) instanceof HCLValue value
          && "string".equals(value.type)) {
        return String.valueOf(value.value);
      }
      return null;
    }

    /** Collects references and literals below a symbol; {@code attribute} = nearest name. */
    private void walk(Symbol symbol, String attribute) {
      if (symbol instanceof VariableTree tree) {
        List<String> parts = new ArrayList<>();
        for (Symbol child : children(tree)) {
          if (child instanceof Variable variable && !(child instanceof VariableTree)) {
            parts.add(variable.getName());
          } else {
            break;
          }
        }
        if (!parts.isEmpty()) {
          references.add(new Reference(List.copyOf(parts), at(tree)));
        }
      } else if (symbol instanceof HCLValue value && "string".equals(value.type)) {
        String text = String.valueOf(value.value);
        literals.add(new Literal(attribute, text, at(symbol)));
        Matcher interpolation = INTERPOLATION.matcher(text);
        while (interpolation.find()) {
          Matcher reference = REFERENCE.matcher(interpolation.group(1));
          while (reference.find()) {
            references.add(new Reference(List.of(reference.group().split("\\.")), at(symbol)));
          }
        }
      }
      // The text pieces of "${...}:suffix" are not values on their own: no name-based secret check.
      String name =
          symbol instanceof HCLAttribute
              ? symbol.getName()
              : symbol instanceof StringInterpolatedExpression ? "(template)" : attribute;
      for (Symbol child : children(symbol)) {
        walk(child, name);
      }
    }

    private static List<Symbol> children(Symbol symbol) {
      return symbol.getChildren() == null ? List.of() : symbol.getChildren();
    }
  }
}
