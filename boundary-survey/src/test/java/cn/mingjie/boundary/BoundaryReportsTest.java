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

    @Test
    void printsOneRegistrationFormPerMarkerWithEveryField() throws Exception {
        var edge =
                lines.sharedEdge(BoundaryRegisterTest.TONGNAN, "500117000000").orElseThrow();
        BoundaryLine line = lines.create(
                new NewLine(
                        "500117500152F",
                        "合川区—潼南区",
                        3,
                        List.of("500117000000", BoundaryRegisterTest.TONGNAN),
                        "渝府〔2004〕样例号",
                        LegalStatus.AGREED,
                        edge,
                        "derived:shared-edge:tianditu",
                        null),
                WHO);
        List<MarkerChange.Applicant> both = List.of(
                new MarkerChange.Applicant("500117000000", "甲"),
                new MarkerChange.Applicant(BoundaryRegisterTest.TONGNAN, "乙"));
        Coordinate c1 = edge.getCoordinateN(2);
        Coordinate c2 = edge.getCoordinateN(6);
        MarkerChange add1 = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(
                        1,
                        'Q',
                        c1.x,
                        c1.y,
                        251.37,
                        "钢筋混凝土",
                        LocalDate.of(2006, 9, 18),
                        BoundaryRegisterTest.TONGNAN,
                        List.of(
                                new ReferenceObject("高压电杆", 45.0, 23.5),
                                new ReferenceObject("石板桥", 190.2, 61.08),
                                new ReferenceObject("黄葛树", 300.0, 12.4))),
                both,
                WHO);
        Marker m1 = markers.approve(add1.id(), "批复", add1.versionTag(), WHO);
        m1 = markers.updateAttributes(
                m1.id(),
                new MarkerRegister.Attributes(null, null, null, null, null, "位于双江镇某村三组公路北侧田坎上"),
                m1.versionTag(),
                WHO);
        markers.addPhoto(m1.id(), null, PNG, "界桩正面", c1.x, c1.y, WHO);
        MarkerChange add2 = markers.apply(
                line.id(),
                null,
                "add",
                new MarkerChange.Proposal(2, 'Q', c2.x, c2.y, null, "花岗岩", null, null, null),
                both,
                WHO);
        Marker m2 = markers.approve(add2.id(), "批复", add2.versionTag(), WHO);

        byte[] pdf = reports.registrationForms(line.id());
        text(pdf, "registration-forms");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(doc).replaceAll("\\R", ""); // table cells wrap
            PlaneCoordinates p = PlaneCoordinates.of(m1.position());
            assertThat(first)
                    .contains("界桩登记表", m1.number(), "Q 单立", "钢筋混凝土", "合川区—潼南区", "500117500152F")
                    .contains("位于双江镇某村三组公路北侧田坎上")
                    .contains(String.format(java.util.Locale.ROOT, "%.7f", c1.x))
                    .contains(String.format(java.util.Locale.ROOT, "%.7f", c1.y))
                    .contains(BoundaryReports.dms(c1.x))
                    .contains("35 带", "EPSG:4523", "EPSG:4544")
                    .contains(String.format(java.util.Locale.ROOT, "%.3f", p.northing()))
                    .contains(String.format(java.util.Locale.ROOT, "%.3f", p.prefixedEasting()))
                    .contains("251.37 米", "2006-09-18")
                    .contains("高压电杆", "45.0°", "东北", "23.50", "石板桥", "190.2°", "61.08", "黄葛树", "12.40")
                    .contains("潼南区（500152000000）", "合川区（500117000000）")
                    .contains("照片", "界桩正面")
                    .contains("签署", "测量人", "检查人", "代表签字", "日期");
            assertThat(imagesOn(doc.getPage(0))).isEqualTo(1);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc).replaceAll("\\R", "");
            assertThat(second).contains(m2.number(), "花岗岩", "系统据界线里程生成", "无照片").doesNotContain(m1.number());
            assertThat(imagesOn(doc.getPage(1))).isZero();
        }
        assertThat(BoundaryReports.dms(105.774048)).isEqualTo("105°46′26.57″");
    }

    private static int imagesOn(org.apache.pdfbox.pdmodel.PDPage page) throws Exception {
        int n = 0;
        for (var name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name)
                    instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                n++;
            }
        }
        return n;
    }

    /** A 1×1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

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
