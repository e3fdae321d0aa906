package io.fraudops.app.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictRequestReaderTest {

  private final PredictRequestReader reader = new PredictRequestReader();

  static final String VALID =
      """
      {"amount": 125.5, "merchant_category": "online_retail", "merchant_country": "USA",
       "hour_of_day": 14, "day_of_week": 2, "is_online": true, "is_weekend": false,
       "transactions_last_24h": 3, "total_amount_last_24h": 250.0, "transactions_last_1h": 1,
       "distance_from_home": 12.5}
      """;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private InvalidRequestException refuse(String body) {
    return catchThrowableOfType(InvalidRequestException.class, () -> reader.readOne(bytes(body)));
  }

  @Test
  void readsEveryField() {
    PredictRequest r =
        reader.readOne(bytes(VALID.replace("{", "{\"transaction_id\": \"TXN00000042\", ")));
    assertThat(r)
        .isEqualTo(
            new PredictRequest(
                "TXN00000042",
                125.5,
                "online_retail",
                "USA",
                14,
                2,
                true,
                false,
                3,
                250.0,
                1,
                12.5));
  }

  @Test
  void acceptsIntegralDecimalsAndZeroOneBooleansAndIgnoresUnknownFields() {
    PredictRequest r =
        reader.readOne(
            bytes(
                VALID
                    .replace("\"hour_of_day\": 14", "\"hour_of_day\": 14.0")
                    .replace("\"is_online\": true", "\"is_online\": 1")
                    .replace("{", "{\"channel\": {\"nested\": [1, 2]}, ")));
    assertThat(r.hourOfDay()).isEqualTo(14);
    assertThat(r.isOnline()).isTrue();
    assertThat(r.transactionId()).isNull();
  }

  @Test
  void unknownCategoryAndCountryAreValid() {
    PredictRequest r =
        reader.readOne(
            bytes(
                VALID
                    .replace("online_retail", "crypto_exchange")
                    .replace("\"USA\"", "\"Atlantis\"")));
    assertThat(r.merchantCategory()).isEqualTo("crypto_exchange");
    assertThat(r.merchantCountry()).isEqualTo("Atlantis");
  }

  @Test
  void missingFieldIsNamed() {
    InvalidRequestException e = refuse(VALID.replace("\"amount\": 125.5,", ""));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.errors()).containsExactly(new FieldError("amount", "is required"));
  }

  @Test
  void wrongTypesAreNamed() {
    InvalidRequestException e =
        refuse(
            VALID
                .replace("125.5", "\"lots\"")
                .replace("\"hour_of_day\": 14", "\"hour_of_day\": 14.5")
                .replace("\"is_weekend\": false", "\"is_weekend\": \"no\""));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("amount", "hour_of_day", "is_weekend");
    assertThat(e.errors()).allSatisfy(f -> assertThat(f.message()).startsWith("must be"));
  }

  @Test
  void outOfRangeValuesAreNamed() {
    InvalidRequestException e =
        refuse(
            VALID
                .replace("125.5", "0")
                .replace("\"hour_of_day\": 14", "\"hour_of_day\": 24")
                .replace("\"day_of_week\": 2", "\"day_of_week\": -1")
                .replace("\"transactions_last_24h\": 3", "\"transactions_last_24h\": -3")
                .replace("\"total_amount_last_24h\": 250.0", "\"total_amount_last_24h\": -1")
                .replace("\"transactions_last_1h\": 1", "\"transactions_last_1h\": -1")
                .replace("12.5}", "-0.5}"));
    assertThat(e.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "amount",
            "hour_of_day",
            "day_of_week",
            "transactions_last_24h",
            "total_amount_last_24h",
            "transactions_last_1h",
            "distance_from_home");
  }

  @Test
  void nullAndBlankRequiredValuesAreRefused() {
    InvalidRequestException e =
        refuse(VALID.replace("\"online_retail\"", "null").replace("\"USA\"", "\"  \""));
    assertThat(e.errors())
        .containsExactlyInAnyOrder(
            new FieldError("merchant_category", "must be a string"),
            new FieldError("merchant_country", "must not be blank"));
  }

  @Test
  void malformedJsonIsA400() {
    InvalidRequestException e = refuse("{\"amount\": 12,");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.slug()).isEqualTo("malformed-json");
    assertThat(refuse("[1, 2]").status()).isEqualTo(400);
    assertThat(refuse("").status()).isEqualTo(400);
    assertThat(refuse(VALID + " {}").status()).isEqualTo(400);
  }

  @Test
  void batchKeepsOrderAndIndexesErrors() {
    String second = VALID.replace("125.5", "980.0");
    List<PredictRequest> batch = reader.readBatch(bytes("[" + VALID + "," + second + "]"), 10);
    assertThat(batch).extracting(PredictRequest::amount).containsExactly(125.5, 980.0);

    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                reader.readBatch(
                    bytes("[" + VALID + "," + VALID.replace("\"amount\": 125.5,", "") + ", 7]"),
                    10));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.errors()).extracting(FieldError::field).containsExactly("[1].amount", "[2]");
  }

  @Test
  void emptyAndOversizedBatchesAreRefused() {
    InvalidRequestException empty =
        catchThrowableOfType(
            InvalidRequestException.class, () -> reader.readBatch(bytes("[]"), 10));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.slug()).isEqualTo("empty-batch");

    String three = "[" + VALID + "," + VALID + "," + VALID + "]";
    InvalidRequestException tooMany =
        catchThrowableOfType(
            InvalidRequestException.class, () -> reader.readBatch(bytes(three), 2));
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.slug()).isEqualTo("batch-too-large");

    InvalidRequestException notArray =
        catchThrowableOfType(
            InvalidRequestException.class, () -> reader.readBatch(bytes(VALID), 2));
    assertThat(notArray.status()).isEqualTo(400);
  }

  @Test
  void bodyOverTheLimitIsRefusedBeforeBuffering() {
    InvalidRequestException declared =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> RequestBodies.read(new java.io.ByteArrayInputStream(new byte[0]), 2_000, 1_000));
    assertThat(declared.slug()).isEqualTo("body-too-large");
    InvalidRequestException chunked =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> RequestBodies.read(new java.io.ByteArrayInputStream(new byte[5_000]), -1, 1_000));
    assertThat(chunked.status()).isEqualTo(400);
    assertThat(RequestBodies.read(new java.io.ByteArrayInputStream(new byte[10]), -1, 1_000))
        .hasSize(10);
  }
}
