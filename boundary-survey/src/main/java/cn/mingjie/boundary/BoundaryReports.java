package cn.mingjie.boundary;

import cn.mingjie.geocore.crs.CompassPoint;
import cn.mingjie.geocore.division.DivisionRegister;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The printed reports: 界桩成果表 (marker register of a line), 界桩登记表 (one registration form per
 * marker) and 联检报告 (joint inspection report), as PDF through openhtmltopdf. Chinese text needs a CJK font with TrueType outlines; the default is
 * Debian's fonts-wqy-zenhei (a .ttc collection, loaded as such). The CFF-based Noto CJK fonts do not
 * work with PDFBox.
 */
@Service
public class BoundaryReports {

    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    private final BoundaryLines lines;
    private final MarkerRegister markers;
    private final Inspections inspections;
    private final LineDescriptions descriptions;
    private final BoundaryChecks checks;
    private final DivisionRegister divisions;
    private final File font;

    public BoundaryReports(
            BoundaryLines lines,
            MarkerRegister markers,
            Inspections inspections,
            LineDescriptions descriptions,
            BoundaryChecks checks,
            DivisionRegister divisions,
            @Value("${mingjie.boundary.pdf-font:" + DEFAULT_FONT + "}") String font) {
        this.lines = lines;
        this.markers = markers;
        this.inspections = inspections;
        this.descriptions = descriptions;
        this.checks = checks;
        this.divisions = divisions;
        this.font = new File(font);
    }

    /** 界桩成果表: every marker of a line with CGCS2000 and GK plane coordinates, and the line's description. */
    public byte[] markerTable(long lineId) {
        BoundaryLine line = lines.get(lineId);
        Html h = new Html("界桩成果表 " + line.name(), Html.LANDSCAPE);
        h.heading(line);
        h.raw("<table><tr><th>编号</th><th>类型</th><th>材质</th><th>经度</th><th>纬度</th><th>X（北）</th>"
                + "<th>Y（东，含带号）</th><th>EPSG</th><th>高程</th><th>埋设日期</th><th>状况</th><th>方位物</th></tr>");
        for (Marker m : markers.list(lineId)) {
            PlaneCoordinates p = PlaneCoordinates.of(m.position());
            StringBuilder refs = new StringBuilder();
            m.references()
                    .forEach(r -> refs.append(
                            String.format(Locale.ROOT, "%s %.1f° %.1f米；", r.name(), r.trueBearing(), r.distance())));
            h.row(
                    m.number(),
                    String.valueOf(m.type()),
                    m.material(),
                    fixed(m.position().getX(), 7),
                    fixed(m.position().getY(), 7),
                    fixed(p.northing(), 3),
                    fixed(p.prefixedEasting(), 3),
                    String.valueOf(p.epsgWithPrefix()),
                    m.elevation() == null ? "" : fixed(m.elevation(), 2),
                    m.installedOn() == null ? "" : m.installedOn().toString(),
                    m.condition() + (m.retired() ? "（已撤销）" : ""),
                    refs.toString());
        }
        h.raw("</table>");
        h.description(descriptions.describe(lineId));
        return h.pdf(font);
    }

    /** 联检报告: teams, checks, findings per marker and along the line, the checks' results, sign-offs. */
    public byte[] inspectionReport(long inspectionId) {
        Inspection i = inspections.get(inspectionId);
        BoundaryLine line = lines.get(i.lineId());
        Html h = new Html("联检报告 " + line.name() + " " + i.roundYear(), Html.LANDSCAPE);
        h.heading(line);
        h.raw("<h2>联检概况</h2><table>");
        h.row("类型", i.kind().equals("periodic") ? "定期联检（五年一次）" : "临时联检");
        h.row("轮次年份", String.valueOf(i.roundYear()));
        h.row("牵头方 / 配合方", i.leadCode() + " / " + i.supportingCode());
        h.row("牵头方队伍", i.leadTeam());
        h.row("配合方队伍", i.supportingTeam());
        h.row("联检日期", i.inspectedOn() == null ? "" : i.inspectedOn().toString());
        h.row("内业检查", i.deskCheck());
        h.row("外业检查", i.fieldCheck());
        h.raw("</table><h2>界桩检查</h2><table><tr><th>界桩</th><th>状况</th><th>复测经度</th><th>复测纬度</th>"
                + "<th>精度（米）</th><th>说明</th></tr>");
        for (Inspection.MarkerFinding f : i.markerFindings()) {
            h.row(
                    f.markerNumber(),
                    f.condition(),
                    f.lon() == null ? "" : fixed(f.lon(), 7),
                    f.lat() == null ? "" : fixed(f.lat(), 7),
                    f.accuracy() == null ? "" : fixed(f.accuracy(), 3),
                    f.note());
        }
        h.raw("</table><h2>沿线其他情况</h2><table><tr><th>类别</th><th>描述</th><th>位置</th></tr>");
        for (Inspection.OtherFinding f : i.otherFindings()) {
            h.row(f.kind(), f.description(), f.lon() == null ? "" : fixed(f.lon(), 6) + ", " + fixed(f.lat(), 6));
        }
        h.raw("</table><h2>检查结果</h2>");
        List<CheckFinding> found = checks.checkLine(line.id(), CheckSettings.DEFAULTS);
        if (found.isEmpty()) {
            h.paragraph("各项检查均通过。");
        } else {
            h.raw("<table><tr><th>检查</th><th>对象</th><th>结果</th><th>双方确认</th></tr>");
            for (CheckFinding f : found) {
                h.row(f.check(), f.subject(), f.textZh(), i.acknowledged().contains(f.key()) ? "已确认" : "未确认");
            }
            h.raw("</table>");
        }
        h.raw("<h2>双方签署</h2><table><tr><th>一方</th><th>签署人</th><th>时间</th></tr>");
        for (Inspection.SignOff s : i.signOffs()) {
            h.row(s.sideCode(), s.signatory(), s.signedAt().toLocalDate().toString());
        }
        h.raw("</table>");
        h.description(descriptions.describe(line.id()));
        return h.pdf(font);
    }

    /** 界桩登记表 of every marker of a line (retired ones included, marked so), one A4 page each. */
    public byte[] registrationForms(long lineId) {
        BoundaryLine line = lines.get(lineId);
        Html h = new Html("界桩登记表 " + line.name(), Html.PORTRAIT);
        List<Marker> all = markers.list(lineId);
        for (int i = 0; i < all.size(); i++) {
            registrationForm(h, line, all.get(i), i > 0);
        }
        if (all.isEmpty()) {
            h.paragraph("界线 " + line.code() + " 尚无界桩。");
        }
        return h.pdf(font);
    }

    /** 界桩登记表 of one marker. */
    public byte[] registrationForm(long markerId) {
        Marker marker = markers.get(markerId);
        BoundaryLine line = lines.get(marker.lineId());
        Html h = new Html("界桩登记表 " + marker.number(), Html.PORTRAIT);
        registrationForm(h, line, marker, false);
        return h.pdf(font);
    }

    /**
     * One form: identity, line, location description, CGCS2000 geographic and Gauss-Krüger plane
     * coordinates with the zone, elevation, the three reference objects, installation, responsible
     * side, condition, up to two photos, and blank signature fields for each side.
     */
    private void registrationForm(Html h, BoundaryLine line, Marker m, boolean newPage) {
        PlaneCoordinates p = PlaneCoordinates.of(m.position());
        h.raw(newPage ? "<div class=\"form next\">" : "<div class=\"form\">");
        h.raw("<h1>界桩登记表</h1>");
        if (line.derived()) {
            h.paragraph("注意：所在界线几何由区划面派生（" + line.geometrySource() + "），为样例示意，非法定界线。");
        }
        h.raw("<table class=\"grid\">");
        h.row("界桩编号", m.number(), "界桩类型", typeName(m.type()));
        h.row("材质", m.material(), "状况", m.condition() + (m.retired() ? "（已撤销）" : ""));
        h.row("所在界线", line.name() + "（" + line.code() + "）", "协议书", line.agreementRef());
        h.raw("<tr><th>位置说明</th><td colspan=\"3\">");
        h.text(
                m.locationDescription() != null && !m.locationDescription().isBlank()
                        ? m.locationDescription()
                        : derivedLocation(line, m));
        h.raw("</td></tr>");
        h.row(
                "CGCS2000 经度",
                fixed(m.position().getX(), 7) + "°（" + dms(m.position().getX()) + "）",
                "CGCS2000 纬度",
                fixed(m.position().getY(), 7) + "°（" + dms(m.position().getY()) + "）");
        h.row(
                "高斯-克吕格 3° 带",
                p.zone() + " 带（中央经线 " + (p.zone() * 3) + "°E）",
                "坐标系",
                "EPSG:" + p.epsgWithPrefix() + "（Y 含带号）/ EPSG:" + p.epsgWithoutPrefix());
        h.row("X（北）", fixed(p.northing(), 3) + " 米", "Y（东，含带号）", fixed(p.prefixedEasting(), 3) + " 米");
        h.row(
                "高程",
                m.elevation() == null ? "" : fixed(m.elevation(), 2) + " 米",
                "埋设日期",
                m.installedOn() == null ? "" : m.installedOn().toString());
        h.row("管护责任方", divisionName(m.responsibleCode()), "界线双方", partyNames(line));
        h.raw("</table><h2>方位物</h2><table class=\"grid\"><tr><th>序号</th><th>方位物名称</th>"
                + "<th>真方位角</th><th>方向</th><th>距离（米）</th></tr>");
        for (int i = 0; i < 3; i++) {
            if (i < m.references().size()) {
                ReferenceObject r = m.references().get(i);
                h.row(
                        String.valueOf(i + 1),
                        r.name(),
                        fixed(r.trueBearing(), 1) + "°",
                        CompassPoint.of(r.trueBearing()).chinese(),
                        fixed(r.distance(), 2));
            } else {
                h.row(String.valueOf(i + 1), "", "", "", "");
            }
        }
        h.raw("</table><h2>照片</h2>");
        List<MarkerRegister.Photo> photos = markers.photos(m.id(), null);
        int shown = 0;
        for (int i = photos.size() - 1; i >= 0; i--) { // newest first
            MarkerRegister.Photo photo = photos.get(i);
            if (shown == MAX_PHOTOS_PER_FORM || photo.contentType().equals("image/webp")) {
                continue; // PDFBox embeds JPEG and PNG only
            }
            MarkerRegister.PhotoBytes bytes = markers.photoBytes(photo.id());
            h.raw("<div class=\"photo\"><img src=\"data:" + photo.contentType() + ";base64,"
                    + Base64.getEncoder().encodeToString(bytes.bytes()) + "\"/><br/>");
            h.text("照片 " + photo.id() + (photo.caption() == null ? "" : "：" + photo.caption()) + "（"
                    + photo.uploadedAt().toLocalDate() + "）");
            h.raw("</div>");
            shown++;
        }
        if (shown == 0) {
            h.paragraph(photos.isEmpty() ? "无照片。" : "照片为 WebP 格式，未能嵌入，见系统。");
        } else if (photos.size() > shown) {
            h.paragraph("另有 " + (photos.size() - shown) + " 张照片见系统。");
        }
        h.raw("<h2>签署</h2><table class=\"grid sign\"><tr><th></th>");
        for (String party : line.parties()) {
            h.raw("<th>");
            h.text(divisionName(party));
            h.raw("</th>");
        }
        h.raw("</tr>");
        for (String role : List.of("测量人", "检查人", "代表签字（盖章）", "日期")) {
            h.raw("<tr><th>");
            h.text(role);
            h.raw("</th>");
            line.parties().forEach(x -> h.raw("<td></td>"));
            h.raw("</tr>");
        }
        h.raw("</table>");
        h.paragraph("填表日期：______________　　本表由名界系统据登记簿生成，坐标为登记（法定）位置。");
        h.raw("</div>");
    }

    static final int MAX_PHOTOS_PER_FORM = 2;

    private static String typeName(char type) {
        return switch (type) {
            case 'Q' -> "Q 单立";
            case 'A', 'B' -> type + " 同号双立";
            default -> type + " 同号三立";
        };
    }

    /** For a marker without a surveyor's description: its place along the line, labelled as generated. */
    private static String derivedLocation(BoundaryLine line, Marker m) {
        LengthIndexedLine indexed = new LengthIndexedLine(line.geometry());
        double fraction =
                indexed.project(m.position().getCoordinate()) / line.geometry().getLength();
        double alongLine = fraction * BoundaryLines.measure(line.geometry()).planeLength();
        return String.format(
                Locale.ROOT, "%s第 %d 号界桩，距界线起点沿线约 %.0f 米（系统据界线里程生成，无实地位置说明）。", line.name(), m.sequence(), alongLine);
    }

    private String divisionName(String code) {
        if (code == null) {
            return "";
        }
        return divisions
                .find(code, LocalDate.now())
                .map(d -> d.name() + "（" + code + "）")
                .orElse(code);
    }

    private String partyNames(BoundaryLine line) {
        return String.join("、", line.parties().stream().map(this::divisionName).toList());
    }

    /** Degrees, minutes and seconds (to 0.01″), as survey sheets print them. */
    static String dms(double degrees) {
        long hundredths = Math.round(Math.abs(degrees) * 360_000);
        return String.format(
                Locale.ROOT,
                "%s%d°%02d′%05.2f″",
                degrees < 0 ? "-" : "",
                hundredths / 360_000,
                hundredths / 6_000 % 60,
                hundredths % 6_000 / 100.0);
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A small XHTML builder that escapes every text it is given. */
    private static final class Html {

        static final String LANDSCAPE = "A4 landscape";
        static final String PORTRAIT = "A4 portrait";

        private final StringBuilder body = new StringBuilder();
        private final String title;
        private final String page;

        Html(String title, String page) {
            this.title = title;
            this.page = page;
        }

        void heading(BoundaryLine line) {
            raw("<h1>" + esc(title) + "</h1>");
            paragraph("界线编码 " + line.code() + "；相邻单元 " + String.join("、", line.parties()) + "；法律状态 "
                    + (line.legalStatus() == LegalStatus.AGREED ? "已协议" : "有争议")
                    + (line.agreementRef() == null ? "" : "；协议书 " + line.agreementRef()));
            if (line.derived()) {
                paragraph("注意：本界线几何由区划面派生（" + line.geometrySource() + "），为样例示意，非法定界线。");
            }
            LineMeasure m = BoundaryLines.measure(line.geometry());
            StringBuilder zones = new StringBuilder();
            m.segments()
                    .forEach(s -> zones.append(String.format(
                            Locale.ROOT, "%d带（EPSG:%d）%.1f米；", s.zone(), s.epsgWithPrefix(), s.planeLength())));
            paragraph(String.format(
                    Locale.ROOT, "长度：高斯-克吕格平面 %.1f 米（%s），椭球面 %.1f 米。", m.planeLength(), zones, m.geodesicLength()));
        }

        void description(DirectionDescription d) {
            raw("<h2>界线走向说明</h2>");
            paragraph(d.textZh());
        }

        void paragraph(String text) {
            raw("<p>" + esc(text) + "</p>");
        }

        void row(String... cells) {
            body.append("<tr>");
            for (String c : cells) {
                body.append("<td>").append(esc(c)).append("</td>");
            }
            body.append("</tr>");
        }

        void text(String text) {
            body.append(esc(text));
        }

        void raw(String html) {
            body.append(html);
        }

        byte[] pdf(File font) {
            if (!font.canRead()) {
                throw new IllegalStateException(
                        "CJK font for PDF reports not found: " + font + " (Debian package fonts-wqy-zenhei)");
            }
            String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"/><title>" + esc(title)
                    + "</title><style>@page { size: " + page + "; margin: 15mm }"
                    + " body { font-family: 'CJK'; font-size: 9pt }"
                    + " h1 { font-size: 15pt } h2 { font-size: 12pt; margin-top: 10pt }"
                    + " table { border-collapse: collapse; width: 100% }"
                    + " td, th { border: 0.5pt solid #444; padding: 2pt 3pt; vertical-align: top }"
                    + " th { background: #eee }"
                    + " .next { page-break-before: always }"
                    + " .grid th { text-align: left; white-space: nowrap }"
                    + " .sign td { height: 24pt }"
                    + " .photo { display: inline-block; width: 48%; margin: 4pt 1% 0 0; font-size: 8pt }"
                    + " .photo img { max-width: 100%; max-height: 60mm }</style></head><body>" + body
                    + "</body></html>";
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.withHtmlContent(html, null);
                builder.toStream(out);
                try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                    renderer.getFontResolver().addFontCollection(font, "CJK", 400, IdentValue.NORMAL, true);
                    renderer.layout();
                    renderer.createPDF();
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String esc(String text) {
            if (text == null) {
                return "";
            }
            return text.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }
    }
}
