package io.fraudops.data.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.io.FileSystemOutputFile;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.data.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionImportTest {

  @TempDir Path dir;

  static final String MAPPING =
      """
      columns:
        transaction_id: ref
        timestamp: booked
        card_id: pan
        merchant_id: terminal
        amount: amt
        label: fraud
        is_online: channel
        latitude: lat
        longitude: lon
      timestamp_format: dd/MM/yyyy HH:mm
      timezone: Europe/Paris
      true_values: [1, online]
      false_values: [0, store]
      """;

  /** A Parquet export with typed columns: a UTC timestamp, a boolean flag, a double amount. */
  record BankRow(
      String ref,
      Instant booked,
      String pan,
      String terminal,
      Double amt,
      Boolean online,
      Integer fraud,
      String memo) {}

  @Test
  void mapsATypedParquetExportAndReportsItsBadRows() throws Exception {
    Path file = dir.resolve("export.parquet");
    Instant t = Instant.parse("2026-01-02T13:05:00Z");
    try (CarpetWriter<BankRow> writer =
        new CarpetWriter.Builder<>(new FileSystemOutputFile(file.toFile()), BankRow.class)
            .build()) {
      writer.write(new BankRow("P1", t, "C1", "T1", 12.5, true, 0, "ok"));
      writer.write(new BankRow("P2", t.plusSeconds(60), "C1", "T1", -3.0, false, 0, "ok"));
      writer.write(new BankRow("P3", null, "C2", "T1", 4.0, false, 1, "ok"));
      writer.write(new BankRow("P4", t.plusSeconds(120), "C2", "T2", 7.25, null, 1, ""));
    }
    ColumnMapping mapping =
        ColumnMapping.parse(
            """
            columns:
              transaction_id: ref
              timestamp: booked
              card_id: pan
              merchant_id: terminal
              amount: amt
              is_online: online
              label: fraud
            timestamp_format: dd/MM/yyyy HH:mm
            true_values: [1]
            false_values: [0]
            """);
    ImportResult result = TransactionImport.run(file, mapping);

    assertThat(result.read()).isEqualTo(4);
    assertThat(result.rows()).extracting(RawTransaction::transactionId).containsExactly("P1", "P4");
    RawTransaction first = result.rows().get(0);
    // A typed timestamp needs no timestamp_format, a typed flag no true/false words.
    assertThat(first.timestamp()).isEqualTo(OffsetDateTime.parse("2026-01-02T13:05:00Z"));
    assertThat(first.isOnline()).isTrue();
    assertThat(first.amount()).isEqualTo(12.5);
    assertThat(first.label()).isZero();
    assertThat(result.rows().get(1).isOnline()).isNull();
    assertThat(result.rows().get(1).label()).isEqualTo(1);
    assertThat(result.rejected())
        .extracting(RejectedRow::row, RejectedRow::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "amount '-3.0' must be > 0"),
            org.assertj.core.groups.Tuple.tuple(3L, "timestamp is empty"));
  }

  @Test
  void aParquetExportWithoutAMappedColumnIsRefusedWithTheHeader() throws Exception {
    Path file = dir.resolve("short.parquet");
    try (CarpetWriter<BankRow> writer =
        new CarpetWriter.Builder<>(new FileSystemOutputFile(file.toFile()), BankRow.class)
            .build()) {
      writer.write(new BankRow("P1", Instant.EPOCH, "C1", "T1", 1.0, true, 0, "ok"));
    }
    ColumnMapping mapping =
        ColumnMapping.parse(
            """
            columns:
              transaction_id: ref
              timestamp: booked
              card_id: card
              merchant_id: terminal
              amount: amt
            """);
    assertThatThrownBy(() -> TransactionImport.run(file, mapping))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("card_id -> 'card'")
        .hasMessageContaining("ref,booked,pan,terminal,amt,online,fraud,memo");
  }

  @Test
  void mapsAnExportAndReportsEveryBadRowWithItsNumberAndReason() throws Exception {
    Path file = dir.resolve("export.csv");
    Files.writeString(
        file,
        """
        ref,booked,pan,terminal,amt,fraud,channel,lat,lon,extra
        R1,02/01/2026 14:05,P1,T1,12.50,0,store,48.85,2.35,x
        R2,2026-01-02,P1,T1,3,0,store,,,x
        R3,02/01/2026 15:00,P2,T1,-4,0,online,,,x
        R4,02/01/2026 15:00,,T1,4,0,online,,,x
        R1,02/01/2026 16:00,P3,T2,5,1,online,,,x

        R6,02/07/2026 16:00,P3,T2,5,1,phone,,,x
        R7,02/07/2026 16:00,P3,T2,5,1,online,91,2,x
        R8,02/07/2026 16:00,P3,T2,5,1,online,45,,x
        R9,02/07/2026 16:30,P3,T2,7.25,1,online,,,x
        """);
    ImportResult result = TransactionImport.run(file, ColumnMapping.parse(MAPPING));
    assertThat(result.read()).isEqualTo(9);
    assertThat(result.rows()).extracting(RawTransaction::transactionId).containsExactly("R1", "R9");
    assertThat(result.rejected())
        .extracting(RejectedRow::row, RejectedRow::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                2L, "timestamp '2026-01-02' does not match 'dd/MM/yyyy HH:mm'"),
            org.assertj.core.groups.Tuple.tuple(3L, "amount '-4' must be > 0"),
            org.assertj.core.groups.Tuple.tuple(4L, "card_id is empty"),
            org.assertj.core.groups.Tuple.tuple(5L, "transaction_id 'R1' repeats row 1"),
            org.assertj.core.groups.Tuple.tuple(
                6L,
                "is_online 'phone' is neither a true value [1, online] nor a false one [0, store]"),
            org.assertj.core.groups.Tuple.tuple(7L, "latitude 91.0 is not in [-90, 90]"),
            org.assertj.core.groups.Tuple.tuple(
                8L, "latitude and longitude must be given together"));
    RawTransaction r1 = result.rows().get(0);
    assertThat(r1.timestamp()).isEqualTo(OffsetDateTime.parse("2026-01-02T14:05+01:00"));
    assertThat(r1.isOnline()).isFalse();
    assertThat(r1.label()).isZero();
    assertThat(r1.latitude()).isEqualTo(48.85);
    RawTransaction r9 = result.rows().get(1);
    assertThat(r9.timestamp()).isEqualTo(OffsetDateTime.parse("2026-07-02T16:30+02:00")); // summer
    assertThat(r9.label()).isEqualTo(1);
    assertThat(r9.merchantCategory()).isNull();

    // The canonical file it writes reads back exactly.
    Path out = dir.resolve("canonical.csv");
    RawTransactionFiles.write(out, result.rows());
    assertThat(RawTransactionFiles.isRaw(out)).isTrue();
    assertThat(RawTransactionFiles.read(out)).isEqualTo(result.rows());
  }

  @Test
  void mappingMistakesAreNamed() throws Exception {
    Path file = dir.resolve("export.csv");
    Files.writeString(file, "ref,booked,pan,terminal,amt\nR1,2026-01-02T10:00:00Z,P,T,1\n");
    assertThatThrownBy(
            () ->
                TransactionImport.run(
                    file, ColumnMapping.parse(MAPPING.replace("fraud\n", "is_fraud\n"))))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("mapped columns not in the header")
        .hasMessageContaining("label -> 'is_fraud'")
        .hasMessageContaining("is_online -> 'channel'");
    assertThatThrownBy(() -> ColumnMapping.parse("columns: {transaction_id: ref, timestamp: t}"))
        .hasMessageContaining("required fields not mapped: [amount, card_id, merchant_id]");
    assertThatThrownBy(() -> ColumnMapping.parse(MAPPING.replace("card_id:", "cardholder:")))
        .hasMessageContaining("'cardholder' is not a canonical field");
    assertThatThrownBy(() -> ColumnMapping.parse(MAPPING.replace("dd/MM/yyyy HH:mm", "qqqq-bb")))
        .hasMessageContaining("timestamp_format 'qqqq-bb' is not a date-time pattern");
    assertThatThrownBy(() -> ColumnMapping.parse(MAPPING.replace("Europe/Paris", "Mars/Olympus")))
        .hasMessageContaining("timezone 'Mars/Olympus' is unknown");
    assertThatThrownBy(() -> ColumnMapping.parse(MAPPING + "currency: EUR\n"))
        .hasMessageContaining("unknown key 'currency'");
    String minimal =
        "columns: {transaction_id: ref, timestamp: booked, card_id: pan, merchant_id: terminal, amount: amt}";
    ImportResult ok = TransactionImport.run(file, ColumnMapping.parse(minimal));
    assertThat(ok.rows()).hasSize(1);
    assertThat(ok.rows().get(0).label()).isNull();
  }
}
