package io.fraudops.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPoolTest {

  @Test
  void sharesOneInstancePerDistinctValue() {
    TextPool pool = new TextPool();
    char[] buffer = "xxFreshMart,Daily Harvest,FreshMart,".toCharArray();
    String first = pool.share(buffer, 2, 9);
    String other = pool.share(buffer, 12, 13);
    String again = pool.share(buffer, 26, 9);
    assertThat(first).isEqualTo("FreshMart");
    assertThat(other).isEqualTo("Daily Harvest");
    assertThat(again).isSameAs(first);
    assertThat(pool.share(buffer, 0, 0)).isEmpty();
  }

  @Test
  void keepsValuesApartThatDifferOnlyBetweenSampledCharacters() {
    TextPool pool = new TextPool();
    String base =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)";
    String a = pool.share((base + " A").toCharArray(), 0, base.length() + 2);
    String b = pool.share((base + " B").toCharArray(), 0, base.length() + 2);
    assertThat(a).isNotEqualTo(b);
    for (int i = 0; i < 50_000; i++) {
      String value = "CH" + i;
      assertThat(pool.share(value.toCharArray(), 0, value.length())).isEqualTo(value);
    }
    String value = "CH" + 123;
    String shared = pool.share(value.toCharArray(), 0, value.length());
    assertThat(pool.share(value.toCharArray(), 0, value.length())).isSameAs(shared);
  }
}
