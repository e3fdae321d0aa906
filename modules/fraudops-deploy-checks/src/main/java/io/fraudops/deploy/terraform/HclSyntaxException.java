package io.fraudops.deploy.terraform;

/** A file hcl4j's lexer refuses. */
final class HclSyntaxException extends Exception {
  HclSyntaxException(String message) {
    super(message);
  }
}
