package io.fraudops.deploy.terraform;

/** One thing Terraform would refuse (or that must never be committed), with where it is. */
public record Problem(Location at, String message) {
  @Override
  public String toString() {
    return at + ": " + message;
  }
}
