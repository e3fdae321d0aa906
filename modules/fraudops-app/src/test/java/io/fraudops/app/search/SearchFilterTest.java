package io.fraudops.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.app.mlflow.MlflowException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchFilterTest {

  static final SearchSchema RUNS =
      new SearchSchema(
          "runs",
          Map.of(
              "status", new SearchSchema.Column("r.status", false),
              "run_id", new SearchSchema.Column("r.run_uuid", false),
              "start_time", new SearchSchema.Column("r.start_time", true)),
          Map.of(
              KeyType.METRIC,
              new SearchSchema.KeyedTable(
                  "latest_metrics", "x.run_uuid = r.run_uuid", "metric_key", "metric_value", true),
              KeyType.PARAM,
              new SearchSchema.KeyedTable(
                  "params", "x.run_uuid = r.run_uuid", "param_key", "param_value", false),
              KeyType.TAG,
              new SearchSchema.KeyedTable(
                  "run_tags", "x.run_uuid = r.run_uuid", "tag_key", "tag_value", false)));

  @Test
  void parsesEveryKindOfComparison() {
    List<Comparison> c =
        SearchFilter.parse(
            "metrics.auc_roc >= 0.9 and params.max_depth = '6' AND tags.`team name` LIKE 'fraud%'"
                + " and attributes.status != \"FAILED\" and run_id IN ('a', 'b') and"
                + " tags.\"mlflow.runName\" ILIKE '%Owl%' and metrics.loss < -1.5e-3"
                + " and attr.run_id NOT IN ('c')");
    assertThat(c).hasSize(8);
    assertThat(c.get(0))
        .isEqualTo(
            new Comparison(
                new Key(KeyType.METRIC, "auc_roc", 0),
                Comparator.GREATER_OR_EQUAL,
                new Value.Number(0.9)));
    assertThat(c.get(2).key().type()).isEqualTo(KeyType.TAG);
    assertThat(c.get(2).key().name()).isEqualTo("team name");
    assertThat(c.get(3).comparator()).isEqualTo(Comparator.NOT_EQUAL);
    assertThat(c.get(4).value()).isEqualTo(new Value.Texts(List.of("a", "b")));
    assertThat(c.get(5).key().name()).isEqualTo("mlflow.runName");
    assertThat(c.get(6).value()).isEqualTo(new Value.Number(-1.5e-3));
    assertThat(c.get(7).comparator()).isEqualTo(Comparator.NOT_IN);
  }

  @Test
  void quotesInsideStringsAreDoubled() {
    assertThat(SearchFilter.parse("params.x = 'it''s'").get(0).value())
        .isEqualTo(new Value.Text("it's"));
  }

  @Test
  void refusesWhatTheLanguageDoesNotHave() {
    for (String bad :
        List.of(
            "metrics.a > 1 OR metrics.b > 1",
            "metrics.a > ",
            "params.x = 'open",
            "foo.bar = 'x'",
            "(metrics.a > 1)",
            "metrics.a >> 1",
            "params.x = 'a'; DROP TABLE runs",
            "run_id IN 'a'")) {
      assertThatThrownBy(() -> SearchFilter.parse(bad))
          .as(bad)
          .isInstanceOf(MlflowException.class)
          .hasMessageContaining("Invalid search expression");
    }
  }

  @Test
  void valuesAndKeysBecomeBindParametersNeverSqlText() {
    String hostile = "x' OR '1'='1";
    FilterSql sql =
        new FilterSql(RUNS)
            .filter(
                "params.`p'; DROP TABLE runs; --` = 'x'' OR ''1''=''1' and metrics.auc > 0.5"
                    + " and status = 'FINISHED'")
            .orderBy(List.of("metrics.`m'--` DESC", "start_time"));
    String text = sql.joins() + sql.whereClause() + sql.orderClause();
    assertThat(text).doesNotContain("DROP").doesNotContain("OR '1'").doesNotContain("m'--");
    assertThat(sql.args())
        .containsExactly("m'--", "p'; DROP TABLE runs; --", hostile, "auc", 0.5, "FINISHED");
    assertThat(sql.whereClause())
        .isEqualTo(
            " WHERE EXISTS (SELECT 1 FROM params x WHERE x.run_uuid = r.run_uuid AND x.param_key = ?"
                + " AND x.param_value = ?) AND EXISTS (SELECT 1 FROM latest_metrics x WHERE"
                + " x.run_uuid = r.run_uuid AND x.metric_key = ? AND x.metric_value > ?) AND"
                + " r.status = ?");
  }

  @Test
  void typeMismatchesAndUnknownAttributesAreRefused() {
    assertThatThrownBy(() -> new FilterSql(RUNS).filter("metrics.auc = 'high'"))
        .hasMessageContaining("numeric");
    assertThatThrownBy(() -> new FilterSql(RUNS).filter("params.x > 3"))
        .hasMessageContaining("does not apply");
    assertThatThrownBy(() -> new FilterSql(RUNS).filter("attributes.secret = 'x'"))
        .hasMessageContaining("Invalid attribute key");
    assertThatThrownBy(() -> new FilterSql(RUNS).orderBy(List.of("metrics.auc sideways")))
        .hasMessageContaining("ASC or DESC");
  }

  @Test
  void pageTokensRoundTripAndRefuseGarbage() {
    assertThat(PageToken.offset(PageToken.of(250))).isEqualTo(250);
    assertThat(PageToken.offset(null)).isZero();
    assertThatThrownBy(() -> PageToken.offset("not-a-token")).isInstanceOf(MlflowException.class);
  }
}
