package cn.mingjie.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.mingjie.gazetteer.exchange.ImportReport;
import cn.mingjie.gazetteer.exchange.PlaceExchange;
import cn.mingjie.gazetteer.exchange.PlaceRecord;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.FieldProblem;
import cn.mingjie.geocore.edit.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Import of the census spreadsheet as a real .xlsx file written by fastexcel, read back by fastexcel-reader. */
@SpringJUnitConfig(GazetteerTestContext.class)
class XlsxImportTest {

    static final ChangeContext WHO = new ChangeContext("tester", "普查表导入测试");

    @Autowired
    PlaceExchange exchange;

    @Autowired
    PlaceRegister register;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A census sheet as a spreadsheet program leaves it: codes and years typed as numbers, dates as date cells,
     * the columns in the CSV form's order, an empty row in between. Each row lists its values by column name.
     */
    static byte[] sheet(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Mingjie test", "1.0");
            Worksheet ws = wb.newWorksheet("地名普查");
            for (int c = 0; c < PlaceRecord.COLUMNS.size(); c++) {
                ws.value(0, c, PlaceRecord.COLUMNS.get(c));
            }
            int r = 1;
            for (Map<String, Object> row : rows) {
                for (int c = 0; c < PlaceRecord.COLUMNS.size(); c++) {
                    Object v = row.get(PlaceRecord.COLUMNS.get(c));
                    if (v instanceof LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v != null) {
                        ws.value(r, c, v.toString());
                    }
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, Object> road(String proper, Object establishedYear) {
        return Map.ofEntries(
                Map.entry("name", proper + "路"),
                Map.entry("proper_name", proper),
                Map.entry("generic_name", "路"),
                Map.entry("category_code", 25100),
                Map.entry("division_code", 500152002000L),
                Map.entry("meaning", "以" + proper + "得名"),
                Map.entry("origin", "2024年修建"),
                Map.entry("description", "南北走向的城市支路"),
                Map.entry("established_year", establishedYear),
                Map.entry("sources", "普查表（测试数据）"),
                Map.entry("position_method", "map_reading"),
                Map.entry("status", "standard"),
                Map.entry("valid_from", LocalDate.of(2024, 3, 1)),
                Map.entry("geometry_wkt", "LINESTRING (105.80 30.20, 105.81 30.21)"));
    }

    long places() {
        return jdbc.queryForObject("select count(*) from gazetteer.place", Long.class);
    }

    @Test
    void aDryRunReportsAndTheApplyCreatesEveryRowOfTheSheet() {
        byte[] xlsx = sheet(List.of(road("表格甲", 2024), Map.of(), road("表格乙", 2023)));
        long before = places();

        List<PlaceRecord> records = exchange.parseXlsx(new ByteArrayInputStream(xlsx));
        assertThat(records).hasSize(2); // the empty row is skipped
        assertThat(records.get(0).draft().categoryCode()).isEqualTo("25100"); // a number cell, read as the code
        assertThat(records.get(0).draft().divisionCode()).isEqualTo("500152002000");
        assertThat(records.get(0).validFrom()).isEqualTo(LocalDate.of(2024, 3, 1)); // a date cell
        assertThat(records.get(1).draft().establishedYear()).isEqualTo(2023);

        ImportReport dry = exchange.importSpreadsheet(new ByteArrayInputStream(xlsx), true, WHO);
        assertThat(dry.applied()).isFalse();
        assertThat(dry.rows()).extracting(ImportReport.Row::action).containsExactly("CREATE", "CREATE");
        assertThat(dry.rows()).extracting(ImportReport.Row::row).containsExactly(2, 4); // row 3 of the sheet is empty
        assertThat(places()).isEqualTo(before);

        ImportReport applied = exchange.importRecords(exchange.parseXlsx(new ByteArrayInputStream(xlsx)), false, WHO);
        assertThat(applied.applied()).isTrue();
        assertThat(places()).isEqualTo(before + 2);
        PlaceVersion created = register.list(new PlaceQuery("表格乙路", null, null, null, null, false, 1, 0))
                .get(0);
        assertThat(created.validFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(created.establishedYear()).isEqualTo(2023);
    }

    @Test
    void aCellThatCannotBeReadRejectsTheSheetNamingItsRowAndColumn() {
        byte[] xlsx = sheet(List.of(road("表格丙", 2024), road("表格丁", "一九八〇")));
        long before = places();
        assertThatThrownBy(() -> exchange.parseXlsx(new ByteArrayInputStream(xlsx)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    FieldProblem p = e.problems().get(0);
                    assertThat(p.field()).isEqualTo("row 3"); // sheet row 3: header, 表格丙, 表格丁
                    assertThat(p.messageKey()).isEqualTo("error.import.row");
                    assertThat(p.args()).containsExactly(3, "established_year (N3): 一九八〇");
                });
        assertThat(places()).isEqualTo(before);
    }

    @Test
    void aRowBreakingARuleIsRejectedInTheReportAndNothingIsWritten() {
        Map<String, Object> bad = new java.util.HashMap<>(road("表格戊", 2024));
        bad.put("category_code", 99999);
        bad.remove("meaning");
        byte[] xlsx = sheet(List.of(road("表格己", 2024), bad));
        long before = places();
        ImportReport report = exchange.importSpreadsheet(new ByteArrayInputStream(xlsx), false, WHO);
        assertThat(report.applied()).isFalse();
        assertThat(report.rows()).extracting(ImportReport.Row::action).containsExactly("CREATE", "REJECT");
        assertThat(report.rows()).extracting(ImportReport.Row::row).containsExactly(2, 3); // rows of the sheet
        assertThat(report.rows().get(1).problems())
                .anyMatch(p -> p.startsWith("categoryCode"))
                .anyMatch(p -> p.startsWith("meaning"));
        assertThat(places()).isEqualTo(before); // the good row is not half-imported either
    }

    @Test
    void aFileThatIsNotASpreadsheetIsAFormatError() {
        byte[] csvNamedXlsx = "place_id,name\n,某路\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> exchange.parseXlsx(new ByteArrayInputStream(csvNamedXlsx)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("error.import.format"));
    }
}
