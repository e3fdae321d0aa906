package io.fraudops.deploy.files;

import static io.fraudops.deploy.files.YamlFiles.list;
import static io.fraudops.deploy.files.YamlFiles.map;
import static io.fraudops.deploy.files.YamlFiles.string;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The GitHub workflows as Actions would run them: each file parses; every {@code needs} names a job
 * of the workflow and every {@code needs.X} / {@code steps.Y} expression names a job the job needs
 * and a step it has; a called reusable workflow exists, declares {@code workflow_call} and gets
 * every required input and no unknown one; every local action, Dockerfile, build context, script
 * and file named in a {@code run} exists; every {@code make} target is in the Makefile.
 */
public final class WorkflowCheck {

  private static final Pattern NEEDS_EXPRESSION = Pattern.compile("needs\\.([A-Za-z0-9_-]+)\\.");
  private static final Pattern STEPS_EXPRESSION = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.");

  private final Path root;
  private final Set<String> makeTargets;
  private final List<String> problems = new ArrayList<>();

  private WorkflowCheck(Path root) throws IOException {
    this.root = root;
    this.makeTargets = MakeTargets.of(root.resolve("Makefile"));
  }

  public static List<String> check(Path root) throws IOException {
    WorkflowCheck check = new WorkflowCheck(root);
    Path dir = root.resolve(".github/workflows");
    if (!Files.isDirectory(dir)) {
      return List.of(".github/workflows does not exist");
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
        check.workflow(file);
      }
    }
    return List.copyOf(check.problems);
  }

  private void problem(Path file, String where, String message) {
    problems.add(root.relativize(file) + " " + where + ": " + message);
  }

  private void workflow(Path file) {
    Map<String, Object> workflow;
    try {
      workflow = map(YamlFiles.load(file));
    } catch (RuntimeException | IOException e) {
      problems.add(root.relativize(file) + ": does not parse: " + e.getMessage());
      return;
    }
    if (!workflow.containsKey("on")) {
      problem(file, "", "no 'on' trigger");
    }
    Map<String, Object> jobs = map(workflow.get("jobs"));
    if (jobs.isEmpty()) {
      problem(file, "", "no jobs");
    }
    jobs.forEach((name, body) -> job(file, jobs.keySet(), name, map(body)));
  }

  private void job(Path file, Set<String> jobNames, String name, Map<String, Object> job) {
    String where = "job '" + name + "'";
    Set<String> needs = new LinkedHashSet<>();
    for (Object need : list(job.get("needs"))) {
      needs.add(string(need));
      if (!jobNames.contains(string(need))) {
        problem(file, where, "needs '" + need + "', which is not a job of this workflow");
      }
    }
    String text = String.valueOf(job);
    Matcher needed = NEEDS_EXPRESSION.matcher(text);
    while (needed.find()) {
      if (!needs.contains(needed.group(1))) {
        problem(file, where, "uses needs." + needed.group(1) + " without needing that job");
      }
    }
    String uses = string(job.get("uses"));
    if (uses != null) {
      reusableWorkflow(file, where, uses, map(job.get("with")));
      return;
    }
    Set<String> stepIds = new LinkedHashSet<>();
    List<?> steps = list(job.get("steps"));
    if (steps.isEmpty()) {
      problem(file, where, "has neither steps nor a reusable workflow");
    }
    for (Object raw : steps) {
      Map<String, Object> step = map(raw);
      if (step.get("id") != null) {
        stepIds.add(string(step.get("id")));
      }
      step(file, where, step);
    }
    Matcher stepRef = STEPS_EXPRESSION.matcher(text);
    while (stepRef.find()) {
      if (!stepIds.contains(stepRef.group(1))) {
        problem(
            file, where, "refers to steps." + stepRef.group(1) + ", a step id it does not have");
      }
    }
  }

  private void step(Path file, String where, Map<String, Object> step) {
    String uses = string(step.get("uses"));
    if (uses != null && uses.startsWith("./") && !RepositoryPaths.exists(root, uses.substring(2))) {
      problem(file, where, "local action " + uses + " does not exist");
    }
    Map<String, Object> with = map(step.get("with"));
    for (String key : List.of("file", "dockerfile")) {
      String value = string(with.get(key));
      if (value != null && !value.contains("${{") && !RepositoryPaths.exists(root, value)) {
        problem(file, where, key + " " + value + " does not exist");
      }
    }
    String context = string(with.get("context"));
    if (context != null && !context.contains("${{") && !Files.isDirectory(root.resolve(context))) {
      problem(file, where, "build context " + context + " does not exist");
    }
    String run = string(step.get("run"));
    if (run != null) {
      for (String path : RepositoryPaths.named(run)) {
        if (!RepositoryPaths.exists(root, path)) {
          problem(file, where, "runs with " + path + ", which does not exist");
        }
      }
      for (String target : RepositoryPaths.makeTargets(run)) {
        if (!makeTargets.contains(target)) {
          problem(file, where, "runs make " + target + ", which the Makefile does not define");
        }
      }
    }
  }

  private void reusableWorkflow(Path file, String where, String uses, Map<String, Object> with) {
    if (!uses.startsWith("./")) {
      return; // another repository's workflow: pinned by ref, not ours to check
    }
    Path callee = root.resolve(uses.substring(2));
    if (!Files.isRegularFile(callee)) {
      problem(file, where, "reusable workflow " + uses + " does not exist");
      return;
    }
    Map<String, Object> trigger;
    try {
      trigger = map(map(YamlFiles.load(callee)).get("on"));
    } catch (RuntimeException | IOException e) {
      problem(file, where, "reusable workflow " + uses + " does not parse");
      return;
    }
    if (!trigger.containsKey("workflow_call")) {
      problem(file, where, uses + " is not callable (no on.workflow_call)");
      return;
    }
    Map<String, Object> inputs = map(map(trigger.get("workflow_call")).get("inputs"));
    inputs.forEach(
        (input, spec) -> {
          if (Boolean.TRUE.equals(map(spec).get("required")) && !with.containsKey(input)) {
            problem(file, where, "does not pass required input '" + input + "' of " + uses);
          }
        });
    for (String given : with.keySet()) {
      if (!inputs.containsKey(given)) {
        problem(file, where, "passes '" + given + "', which " + uses + " does not declare");
      }
    }
  }
}
