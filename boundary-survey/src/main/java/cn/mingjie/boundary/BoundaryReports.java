package cn.mingjie.boundary;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The printed reports: 界桩成果表 (marker register of a line) and 联检报告 (joint inspection report), as
 * PDF through openhtmltopdf. Chinese text needs a CJK font with TrueType outlines; the default is
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
    private final File font;

    public BoundaryReports(
            BoundaryLines lines,
            MarkerRegister markers,
            Inspections inspections,
            LineDescriptions descriptions,
            BoundaryChecks checks,
            @Value("${mingjie.boundary.pdf-font:" + DEFAULT_FONT + "}") String font) {
        this.lines = lines;
        this.markers = markers;
        this.inspections = inspections;
        this.descriptions = descriptions;
        this.checks = checks;
        this.font = new File(font);
    }

    /** 界桩成果表: every marker of a line with CGCS2000 and GK plane coordinates, and the line's description. */
    public byte[] markerTable(long lineId) {
        BoundaryLine line = lines.get(lineId);
        Html h = new Html("界桩成果表 " + line.name());
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
        Html h = new Html("联检报告 " + line.name() + " " + i.roundYear());
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

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A small XHTML builder that escapes every text it is given. */
    private static final class Html {

        private final StringBuilder body = new StringBuilder();
        private final String title;

        Html(String title) {
            this.title = title;
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

        void raw(String html) {
            body.append(html);
        }

        byte[] pdf(File font) {
            if (!font.canRead()) {
                throw new IllegalStateException(
                        "CJK font for PDF reports not found: " + font + " (Debian package fonts-wqy-zenhei)");
            }
            String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"/><title>" + esc(title)
                    + "</title><style>@page { size: A4 landscape; margin: 15mm }"
                    + " body { font-family: 'CJK'; font-size: 9pt }"
                    + " h1 { font-size: 15pt } h2 { font-size: 12pt; margin-top: 10pt }"
                    + " table { border-collapse: collapse; width: 100% }"
                    + " td, th { border: 0.5pt solid #444; padding: 2pt 3pt; vertical-align: top }"
                    + " th { background: #eee }</style></head><body>" + body + "</body></html>";
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
