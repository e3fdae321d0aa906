package io.fraudops.deploy.terraform;

import java.nio.file.Path;

/** A line of a file, printed as {@code file:line}. */
public record Location(Path file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
