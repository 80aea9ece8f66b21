package cn.mingjie.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mingjie.geocore.edit.ChangeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The PDF reports carry their Chinese text (font embedded, text extractable); the files go to target/reports. */
@SpringJUnitConfig(BoundaryTestConfig.class)
class BoundaryReportsTest {

    static final ChangeContext WHO = new ChangeContext("inspector", "测试");

    @Autowired
    BoundaryLines lines;

    @Autowired
    MarkerRegister markers;

    @Autowired
    Inspections inspections;

    @Autowired
    BoundaryReports reports;

    @Test
    void printsTheMarkerTableAndTheInspectionReportInChinese() throws Exception {
        var edge =
                lines.sharedEdge(BoundaryRegisterTest.TONGNAN, "500111000000").orElseThrow();
        BoundaryLine line = lines.create(
                new NewLine(
                        "500111500152R",
                        "潼南区—大足区",
                        3,
                        List.of("500111000000", BoundaryRegisterTest.TONGNAN),
                        "渝府〔2004〕样例号",
                        LegalStatus.AGREED,
                        edge,
                        "derived:shared-edge:tianditu",
                        null),
                WHO);
        Coordinate c = edge.getCoordinateN(3);
        MarkerChange add = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(
                        1,
                        'Q',
                        c.x,
                        c.y,
                        288.4,
                        "花岗岩",
                        LocalDate.of(2005, 4, 11),
                        BoundaryRegisterTest.TONGNAN,
                        List.of(new ReferenceObject("三角点", 120.5, 35.2))),
                List.of(
                        new MarkerChange.Applicant("500111000000", "甲"),
                        new MarkerChange.Applicant(BoundaryRegisterTest.TONGNAN, "乙")),
                WHO);
        Marker m = markers.approve(add.id(), "批复", add.versionTag(), WHO);
        Inspection i = inspections.planNextRound(line.id(), 2025, WHO);
        i = inspections.conduct(
                i.id(),
                new Inspections.Conduct("大足区民政局", "潼南区民政局", LocalDate.of(2025, 4, 2), "资料核对无误", "全线踏勘"),
                i.versionTag(),
                WHO);
        inspections.addMarkerFinding(i.id(), m.id(), "完好", null, null, null, "<b>字样清晰</b>", null, WHO);

        String table = text(reports.markerTable(line.id()), "marker-table");
        assertThat(table).contains("界桩成果表", m.number(), "三角点", "4523", "界线走向说明", "派生");
        String report = text(reports.inspectionReport(i.id()), "inspection-report");
        assertThat(report).contains("联检报告", "大足区民政局", "<b>字样清晰</b>", "完好", "全线踏勘");
    }

    private static String text(byte[] pdf, String name) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Path dir = Files.createDirectories(Path.of("target", "reports"));
            Files.write(dir.resolve(name + ".pdf"), pdf);
            return new PDFTextStripper().getText(doc);
        }
    }
}
