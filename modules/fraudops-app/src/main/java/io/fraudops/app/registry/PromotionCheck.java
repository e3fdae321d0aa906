package io.fraudops.app.registry;

import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.scoring.SmokeSet;

/**
 * What a version must pass before an alias may point at it: its bundle has already been verified
 * against both checksums by {@link ModelRegistry#loadBundle}; here its feature set must be
 * computable, its scorer must load, and it must score the built-in smoke set without error.
 */
final class PromotionCheck {
  private PromotionCheck() {}

  static void verify(ModelBundle bundle) {
    try {
      SmokeSet.check(ScoringModel.of(bundle));
    } catch (RuntimeException e) {
      throw new PromotionRefusedException("version cannot be promoted: " + e.getMessage(), e);
    }
  }
}
