package io.fraudops.deploy.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The targets a Makefile defines (rule heads, not variable assignments). */
public final class MakeTargets {
  private static final Pattern RULE =
      Pattern.compile("^([A-Za-z0-9_.-]+(?:\\s+[A-Za-z0-9_.-]+)*)\\s*:(?![=:])", Pattern.MULTILINE);

  private MakeTargets() {}

  public static Set<String> of(Path makefile) throws IOException {
    Set<String> targets = new LinkedHashSet<>();
    if (!Files.isRegularFile(makefile)) {
      return targets;
    }
    Matcher rule = RULE.matcher(Files.readString(makefile));
    while (rule.find()) {
      for (String target : rule.group(1).trim().split("\\s+")) {
        if (!target.startsWith(".")) {
          targets.add(target);
        }
      }
    }
    return targets;
  }
}
