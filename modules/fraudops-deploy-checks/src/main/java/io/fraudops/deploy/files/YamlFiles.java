package io.fraudops.deploy.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * YAML 1.2 (snakeyaml-engine), as GitHub Actions and Docker Compose read it: {@code on:} stays the
 * string "on" instead of becoming {@code true} under YAML 1.1.
 */
final class YamlFiles {
  private YamlFiles() {}

  static Object load(Path file) throws IOException {
    Load load = new Load(LoadSettings.builder().setLabel(file.toString()).build());
    return load.loadFromString(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static List<?> list(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    return value == null ? List.of() : List.of(value);
  }

  static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
