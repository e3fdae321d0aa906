package io.fraudops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.core.bundle.Json;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataProfileTest {

  private static final float NAN = Float.NaN;

  @Test
  void summarisesEachColumnAndTheLabelRate() {
    float[] matrix = {
      1, 0, //
      2, 1, //
      3, 0, //
      NAN, 1, //
      6, 0,
    };
    DataProfile profile =
        DataProfile.of(List.of("amount", "is_online"), matrix, 5, new int[] {0, 1, 0, 0, 0});

    assertThat(profile.rows()).isEqualTo(5);
    assertThat(profile.positives()).isEqualTo(1);
    assertThat(profile.labelRate()).isEqualTo(0.2);
    FeatureProfile amount = profile.feature("amount");
    assertThat(amount.count()).isEqualTo(4);
    assertThat(amount.missing()).isEqualTo(1);
    assertThat(amount.mean()).isEqualTo(3.0);
    // Deviations -2, -1, 0, 3: population variance 14 / 4.
    assertThat(amount.std()).isCloseTo(Math.sqrt(3.5), within(1e-12));
    assertThat(amount.min()).isEqualTo(1.0);
    assertThat(amount.max()).isEqualTo(6.0);
    FeatureProfile online = profile.feature("is_online");
    assertThat(online.binEdges()).containsExactly(1.0);
    assertThat(online.binFractions()).containsExactly(0.6, 0.4);
  }

  @Test
  void binsAreDecilesOfAContinuousColumn() {
    int rows = 100;
    float[] matrix = new float[rows];
    for (int i = 0; i < rows; i++) {
      matrix[i] = rows - i; // 100 .. 1, unsorted on purpose
    }
    FeatureProfile f = DataProfile.of(List.of("x"), matrix, rows, new int[rows]).features().get(0);

    assertThat(f.binEdges()).containsExactly(11.0, 21.0, 31.0, 41.0, 51.0, 61.0, 71.0, 81.0, 91.0);
    assertThat(f.binFractions()).hasSize(10).allSatisfy(p -> assertThat(p).isEqualTo(0.1));
    assertThat(f.bin(0.5)).isZero();
    assertThat(f.bin(11)).isEqualTo(1);
    assertThat(f.bin(10.99)).isZero();
    assertThat(f.bin(1e9)).isEqualTo(9);
  }

  @Test
  void largeInputsSampleTheEdgesButCountBinsExactly() {
    int rows = 3 * DataProfile.SAMPLE_ROWS + 17;
    Random random = new Random(3);
    float[] matrix = new float[rows * 2];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      matrix[2 * r] = (float) random.nextGaussian();
      matrix[2 * r + 1] = random.nextInt(20) == 0 ? NAN : random.nextFloat() * 1000;
      labels[r] = random.nextInt(100) == 0 ? 1 : 0;
    }
    DataProfile profile = DataProfile.of(List.of("g", "u"), matrix, rows, labels);

    for (int c = 0; c < 2; c++) {
      FeatureProfile f = profile.features().get(c);
      assertThat(f.binFractions()).hasSize(10);
      assertThat(f.binFractions().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-9));
      assertThat(f.binFractions()).allSatisfy(p -> assertThat(p).isCloseTo(0.1, within(0.01)));
      long inBin3 = 0;
      for (int r = 0; r < rows; r++) {
        float v = matrix[2 * r + c];
        if (v == v && f.bin(v) == 3) {
          inBin3++;
        }
      }
      assertThat(f.binFractions().get(3)).isEqualTo((double) inBin3 / f.count());
    }
    FeatureProfile gaussian = profile.feature("g");
    assertThat(gaussian.mean()).isCloseTo(0, within(0.01));
    assertThat(gaussian.std()).isCloseTo(1, within(0.01));
    assertThat(profile.feature("u").missing()).isCloseTo(rows / 20, within(rows / 100L));
  }

  @Test
  void roundTripsThroughJsonIncludingAnAllMissingColumn() {
    float[] matrix = {1.5f, NAN, 2.5f, NAN, -4f, NAN};
    DataProfile profile = DataProfile.of(List.of("a", "b"), matrix, 3, new int[] {1, 0, 0});
    FeatureProfile empty = profile.feature("b");
    assertThat(empty.count()).isZero();
    assertThat(empty.mean()).isNaN();
    assertThat(empty.binFractions()).isEmpty();

    byte[] json = Json.MAPPER.writeValueAsBytes(profile);
    DataProfile back = Json.MAPPER.readValue(json, DataProfile.class);

    assertThat(back).isEqualTo(profile);
  }

  @Test
  void rejectsAMatrixOfTheWrongShape() {
    assertThatThrownBy(() -> DataProfile.of(List.of("a", "b"), new float[5], 2, new int[2]))
        .hasMessageContaining("not 2 rows x 2 features");
    assertThatThrownBy(() -> DataProfile.of(List.of("a"), new float[5], 5, new int[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
