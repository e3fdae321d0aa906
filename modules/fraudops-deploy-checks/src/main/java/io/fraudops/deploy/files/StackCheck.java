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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack as {@code docker compose up} would start it: docker-compose.yml parses; every
 * {@code depends_on} names a service; build contexts, Dockerfiles and bind-mounted files exist;
 * named volumes are declared; an image used without a build is built by another service; every
 * {@code ${VAR}} of the file is documented in .env.example. The Dockerfile copies only what exists,
 * runs as a non-root user and has a health check. Prometheus scrapes compose services; Grafana's
 * data source points at Prometheus and its dashboards use that data source.
 */
public final class StackCheck {

  private static final Pattern COMPOSE_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)");
  private static final Pattern ENV_KEY =
      Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);

  private final Path root;
  private final List<String> problems = new ArrayList<>();

  private StackCheck(Path root) {
    this.root = root;
  }

  public static List<String> check(Path root) throws IOException {
    StackCheck check = new StackCheck(root);
    Map<String, Object> services = check.compose();
    check.dockerfile(root.resolve("Dockerfile"));
    check.prometheus(services);
    check.grafana();
    return List.copyOf(check.problems);
  }

  /** Keys .env.example documents, commented-out ones included. */
  public static Set<String> documentedKeys(Path envExample) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    Matcher key = ENV_KEY.matcher(Files.readString(envExample));
    while (key.find()) {
      keys.add(key.group(1));
    }
    return keys;
  }

  private Map<String, Object> compose() throws IOException {
    Path file = root.resolve("docker-compose.yml");
    Map<String, Object> compose;
    try {
      compose = map(YamlFiles.load(file));
    } catch (RuntimeException e) {
      problems.add("docker-compose.yml does not parse: " + e.getMessage());
      return Map.of();
    }
    Map<String, Object> services = map(compose.get("services"));
    Set<String> volumes = map(compose.get("volumes")).keySet();
    Set<String> builtImages = new LinkedHashSet<>();
    services.forEach(
        (name, body) -> {
          Map<String, Object> service = map(body);
          if (service.containsKey("build") && service.get("image") != null) {
            builtImages.add(string(service.get("image")));
          }
        });
    services.forEach(
        (name, body) -> service(name, map(body), services.keySet(), volumes, builtImages));

    Set<String> documented = documentedKeys(root.resolve(".env.example"));
    Matcher variable = COMPOSE_VARIABLE.matcher(Files.readString(file));
    while (variable.find()) {
      if (!documented.contains(variable.group(1))) {
        problems.add(
            "docker-compose.yml uses ${"
                + variable.group(1)
                + "}, which .env.example does not document");
      }
    }
    return services;
  }

  private void service(
      String name,
      Map<String, Object> service,
      Set<String> services,
      Set<String> volumes,
      Set<String> builtImages) {
    String where = "docker-compose.yml service '" + name + "'";
    Object dependsOn = service.get("depends_on");
    Iterable<?> dependencies = dependsOn instanceof Map<?, ?> m ? m.keySet() : list(dependsOn);
    for (Object dependency : dependencies) {
      if (!services.contains(string(dependency))) {
        problems.add(where + ": depends on '" + dependency + "', which is not a service");
      }
    }
    Object build = service.get("build");
    if (build != null) {
      Map<String, Object> spec = build instanceof Map<?, ?> ? map(build) : Map.of("context", build);
      Path context = root.resolve(string(spec.getOrDefault("context", ".")));
      Path dockerfile = context.resolve(string(spec.getOrDefault("dockerfile", "Dockerfile")));
      if (!Files.isDirectory(context)) {
        problems.add(where + ": build context " + context + " does not exist");
      } else if (!Files.isRegularFile(dockerfile)) {
        problems.add(where + ": Dockerfile " + dockerfile + " does not exist");
      }
    } else {
      String image = string(service.get("image"));
      if (image == null) {
        problems.add(where + ": neither build nor image");
      } else if (image.startsWith("fraudops:") && !builtImages.contains(image)) {
        problems.add(where + ": image " + image + " is built by no service");
      }
    }
    for (Object raw : list(service.get("volumes"))) {
      String volume = string(raw);
      String source = volume.split(":")[0];
      if (source.startsWith("./") || source.startsWith("../")) {
        if (!Files.exists(root.resolve(source))) {
          problems.add(where + ": mounts " + source + ", which does not exist");
        }
      } else if (!source.startsWith("/") && !volumes.contains(source)) {
        problems.add(where + ": volume '" + source + "' is not declared under volumes");
      }
    }
  }

  private void dockerfile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      problems.add("Dockerfile does not exist");
      return;
    }
    String text = Files.readString(file).replace("\\\n", " ");
    Set<String> stages = new LinkedHashSet<>();
    String user = null;
    boolean healthcheck = false;
    for (String line : text.lines().map(String::strip).toList()) {
      String upper = line.toUpperCase(java.util.Locale.ROOT);
      if (upper.startsWith("FROM ")) {
        Matcher stage = Pattern.compile("(?i)\\sAS\\s+([\\w.-]+)").matcher(line);
        if (stage.find()) {
          stages.add(stage.group(1));
        }
      } else if (upper.startsWith("COPY ")) {
        List<String> words = new ArrayList<>(List.of(line.substring(5).trim().split("\\s+")));
        String from = null;
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
          String flag = words.remove(0);
          if (flag.startsWith("--from=")) {
            from = flag.substring(7);
          }
        }
        if (from != null) {
          if (!stages.contains(from)) {
            problems.add("Dockerfile: COPY --from=" + from + " names no earlier stage");
          }
        } else {
          for (String source : words.subList(0, Math.max(0, words.size() - 1))) {
            if (!Files.exists(root.resolve(source))) {
              problems.add("Dockerfile: COPY " + source + " does not exist");
            }
          }
        }
      } else if (upper.startsWith("USER ")) {
        user = line.substring(5).trim();
      } else if (upper.startsWith("HEALTHCHECK ")) {
        healthcheck = true;
      }
    }
    if (user == null || user.startsWith("root") || user.startsWith("0")) {
      problems.add("Dockerfile: the final stage must run as a non-root USER, got " + user);
    }
    if (!healthcheck) {
      problems.add("Dockerfile: no HEALTHCHECK");
    }
  }

  private void prometheus(Map<String, Object> services) throws IOException {
    Path file = root.resolve("deploy/prometheus/prometheus.yml");
    if (!Files.isRegularFile(file)) {
      problems.add("deploy/prometheus/prometheus.yml does not exist");
      return;
    }
    Map<String, Object> config = map(YamlFiles.load(file));
    List<?> jobs = list(config.get("scrape_configs"));
    if (jobs.isEmpty()) {
      problems.add("prometheus.yml has no scrape_configs");
    }
    for (Object raw : jobs) {
      Map<String, Object> job = map(raw);
      for (Object staticConfig : list(job.get("static_configs"))) {
        for (Object target : list(map(staticConfig).get("targets"))) {
          String host = string(target).split(":")[0];
          if (!"localhost".equals(host) && !services.containsKey(host)) {
            problems.add(
                "prometheus.yml job '"
                    + job.get("job_name")
                    + "' scrapes "
                    + target
                    + ", not a compose service");
          }
        }
      }
    }
  }

  private void grafana() throws IOException {
    Path provisioning = root.resolve("deploy/grafana/provisioning");
    Set<String> uids = new LinkedHashSet<>();
    for (Object raw :
        list(
            map(YamlFiles.load(provisioning.resolve("datasources/prometheus.yml")))
                .get("datasources"))) {
      Map<String, Object> source = map(raw);
      uids.add(string(source.get("uid")));
      if (!string(source.get("url")).startsWith("http://prometheus:")) {
        problems.add(
            "Grafana data source "
                + source.get("name")
                + " does not point at the prometheus service");
      }
    }
    Path dashboards = root.resolve("deploy/grafana/dashboards");
    try (var files = Files.list(dashboards)) {
      for (Path dashboard : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode json = JsonMapper.builder().build().readTree(dashboard.toFile());
        for (JsonNode panel : json.path("panels")) {
          String uid = panel.path("datasource").path("uid").asString();
          if (!uids.contains(uid)) {
            problems.add(
                dashboard.getFileName()
                    + " panel '"
                    + panel.path("title").asString()
                    + "' uses data source "
                    + uid
                    + ", not provisioned");
          }
        }
      }
    }
  }
}
