package io.fraudops.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.transaction.ScoringFields;
import io.fraudops.core.transaction.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training (a stored Transaction) and serving (a request) get one vector from one transformer. */
class FeatureParityTest {

  /** The shape of a {@code POST /predict} body, as serving will hold it. */
  record PredictRequest(
      double amount,
      String merchantCategory,
      String merchantCountry,
      int hourOfDay,
      int dayOfWeek,
      boolean isOnline,
      boolean isWeekend,
      int transactionsLast24h,
      double totalAmountLast24h,
      int transactionsLast1h,
      double distanceFromHome)
      implements ScoringFields {

    static PredictRequest from(Transaction t) {
      return new PredictRequest(
          t.amount(),
          t.merchantCategory(),
          t.merchantCountry(),
          t.hourOfDay(),
          t.dayOfWeek(),
          t.isOnline(),
          t.isWeekend(),
          t.transactionsLast24h(),
          t.totalAmountLast24h(),
          t.transactionsLast1h(),
          t.distanceFromHome());
    }
  }

  @Test
  void aTransactionAndTheEquivalentRequestGiveIdenticalVectors() {
    List<Transaction> rows = TransactionFixture.generate(2000, 0.05, 3);
    // Fitted on part of the data, so later rows include categories or countries it never saw.
    ReferenceFeatures features = ReferenceFeatures.fit(rows.subList(0, 20));
    ReferenceFeatures rebuilt = ReferenceFeatures.of(features.spec());
    double[] offline = new double[features.width()];
    double[] online = new double[features.width()];
    int unseen = 0;

    for (Transaction t : rows) {
      features.transform(t, offline);
      rebuilt.transform(PredictRequest.from(t), online);

      assertThat(online).as(t.transactionId()).containsExactly(offline);
      unseen += Double.isNaN(offline[ReferenceFeatures.FEATURE_NAMES.size() - 1]) ? 1 : 0;
    }
    assertThat(unseen).isPositive();
  }

  @Test
  void theTrainingMatrixHoldsTheTransformersVectorsAsFloat32() {
    List<Transaction> rows = TransactionFixture.generate(300, 0.05, 4);
    ReferenceFeatures features = ReferenceFeatures.fit(rows);

    FeatureMatrix matrix = FeatureMatrix.of(rows, features);

    int width = features.width();
    for (int r = 0; r < rows.size(); r++) {
      double[] vector = features.transform(PredictRequest.from(rows.get(r)));
      for (int c = 0; c < width; c++) {
        assertThat(matrix.values()[r * width + c]).isEqualTo((float) vector[c]);
      }
      assertThat(matrix.labels()[r]).isEqualTo(rows.get(r).isFraud());
    }
  }
}
