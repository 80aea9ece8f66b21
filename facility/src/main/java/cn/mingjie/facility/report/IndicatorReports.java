package cn.mingjie.facility.report;

import cn.mingjie.facility.Facility;
import cn.mingjie.facility.FacilityQuery;
import cn.mingjie.facility.FacilityRegistry;
import cn.mingjie.facility.coverage.CommunityAccess;
import cn.mingjie.facility.coverage.DistrictReport;
import cn.mingjie.facility.coverage.Indicator;
import cn.mingjie.facility.coverage.TownReport;
import cn.mingjie.geocore.division.Division;
import cn.mingjie.geocore.division.DivisionLevel;
import cn.mingjie.geocore.division.DivisionQuery;
import cn.mingjie.geocore.division.DivisionRegister;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a district's indicators as CSV (UTF-8 with BOM, so that spreadsheet programs read the
 * Chinese) and as a PDF report with a choropleth map of the 15-minute coverage per town. The PDF
 * needs a CJK font: by default WenQuanYi Zen Hei from the Debian package fonts-wqy-zenhei.
 */
@Component
public class IndicatorReports {

    private final DivisionRegister divisions;
    private final FacilityRegistry registry;
    private final Path font;

    public IndicatorReports(
            DivisionRegister divisions,
            FacilityRegistry registry,
            @Value("${mingjie.facility.report-font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") Path font) {
        this.divisions = divisions;
        this.registry = registry;
        this.font = font;
    }

    public String csv(DistrictReport report) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("区县", report.name(), report.code(), "计算时间", report.computedAt());
            for (String note : report.notes()) {
                csv.printRecord("说明", note);
            }
            csv.printRecord("指标键", "指标", "indicator", "数值", "目标", "单位", "达成", "数字", "步行计算方法", "估算");
            for (Indicator i : report.indicators()) {
                csv.printRecord(
                        i.key(),
                        i.name(),
                        i.nameEn(),
                        String.format("%.3f", i.value()),
                        i.target(),
                        i.unit(),
                        i.achieved() ? "达成" : "未达成",
                        i.figure(),
                        i.walkingMethod(),
                        i.fallback() ? "是（估算）" : "否");
            }
            csv.printRecord();
            csv.printRecord(
                    "乡镇代码",
                    "乡镇（街道）",
                    "人口",
                    "15分钟覆盖人口",
                    "覆盖率%",
                    "有街道中心",
                    "有综合性养老机构",
                    "中心镇",
                    "有殡仪服务站",
                    "人均养老用地m²",
                    "城市社区数",
                    "有站社区数",
                    "估算");
            for (TownReport t : report.towns()) {
                csv.printRecord(
                        t.code(),
                        t.name(),
                        t.population(),
                        t.coveredPopulation(),
                        String.format("%.1f", t.coverageShare()),
                        yes(t.hasCentre()),
                        yes(t.hasComprehensiveInstitution()),
                        yes(t.centralTown()),
                        yes(t.hasFuneralStation()),
                        String.format("%.3f", t.landPerResidentM2()),
                        t.urbanCommunities(),
                        t.urbanCommunitiesWithStation(),
                        yes(t.fallback()));
            }
            csv.printRecord();
            csv.printRecord("社区代码", "社区/村", "乡镇", "人口", "人口来源", "有服务站", "最近设施", "步行分钟", "计算方法");
            for (CommunityAccess c : report.communities()) {
                csv.printRecord(
                        c.code(),
                        c.name(),
                        c.townName(),
                        c.population(),
                        c.populationSource(),
                        yes(c.hasStation()),
                        c.nearestFacilityName(),
                        c.nearestMinutes() == null ? "60分钟内无" : String.format("%.1f", c.nearestMinutes()),
                        c.walkingMethod());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public byte[] pdf(DistrictReport report) {
        if (!Files.isReadable(font)) {
            throw new IllegalStateException("PDF report font missing: " + font + " (Debian package fonts-wqy-zenhei)");
        }
        String html = html(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(html, null);
        // The map is drawn as vectors straight into the PDF (no raster image, no ImageIO).
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(
                "mingjie/coverage-map", (element, x, y, width, height, device, context, dotsPerPixel) -> {
                    float w = (float) (width / dotsPerPixel);
                    float h = (float) (height / dotsPerPixel);
                    device.drawWithGraphics((float) x, (float) y, w, h, g -> drawMap(g, w, h, report));
                    return null;
                });
        builder.useObjectDrawerFactory(drawers);
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            ((PdfBoxFontResolver) renderer.getFontResolver())
                    .addFontCollection(
                            font.toFile(), "cjk", 400, com.openhtmltopdf.css.constants.IdentValue.NORMAL, true);
            renderer.layout();
            renderer.createPDF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String html(DistrictReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><style>")
                .append("body{font-family:cjk;font-size:10pt} table{border-collapse:collapse;width:100%}")
                .append(
                        "td,th{border:1px solid #999;padding:2px 4px} .no{color:#b00;white-space:nowrap} .ok{color:#070;white-space:nowrap}")
                .append(".note{color:#a60} img{width:16cm}</style></head><body>");
        h.append("<h1>").append(e(r.name())).append(" 民政设施覆盖指标报告</h1>");
        h.append("<p>Civil-affairs facility coverage report · ")
                .append(e(r.code()))
                .append(" · ")
                .append(e(r.computedAt().toString()))
                .append("</p>");
        for (String note : r.notes()) {
            h.append("<p class=\"note\">").append(e(note)).append("</p>");
        }
        h.append("<h2>规划指标 / plan targets</h2><table><tr><th>指标</th><th>现状</th><th>目标</th><th>达成</th></tr>");
        for (Indicator i : r.indicators()) {
            h.append("<tr><td>")
                    .append(e(i.name()))
                    .append("<br/>")
                    .append(e(i.nameEn()))
                    .append("</td><td>")
                    .append(e(i.figure()))
                    .append(i.fallback() ? "<br/>（估算 / estimate）" : "")
                    .append("</td><td>")
                    .append(e(target(i)))
                    .append("</td><td class=\"")
                    .append(i.achieved() ? "ok\">达成" : "no\">未达成")
                    .append("</td></tr>");
        }
        h.append("</table><h2>15 分钟步行覆盖率（按乡镇）/ 15-minute coverage by town</h2>");
        h.append(
                "<object type=\"mingjie/coverage-map\" style=\"display:block;width:16cm;height:11cm\"></object><p>颜色：红 0% → 绿 100%；乡镇界线为派生示意，非法定界线。</p>");
        h.append("<h2>未设街道养老服务中心的街道 / sub-districts without a centre</h2><p>");
        h.append(e(r.subDistrictsWithoutCentre().stream().map(TownReport::name).collect(Collectors.joining("、"))));
        h.append("</p><h2>未设养老服务站的社区 / communities without a station (")
                .append(r.communitiesWithoutStation().size())
                .append(")</h2><p>");
        h.append(e(r.communitiesWithoutStation().stream()
                .map(c -> c.townName() + c.name())
                .collect(Collectors.joining("、"))));
        h.append("</p><h2>乡镇明细 / towns</h2><table><tr><th>乡镇（街道）</th><th>人口</th><th>覆盖率</th>")
                .append("<th>中心</th><th>综合机构</th><th>人均用地 m²</th><th>有站社区</th></tr>");
        for (TownReport t : r.towns()) {
            h.append("<tr><td>")
                    .append(e(t.name()))
                    .append("</td><td>")
                    .append(t.population())
                    .append("</td><td>")
                    .append(String.format("%.1f%%", t.coverageShare()))
                    .append("</td><td>")
                    .append(yes(t.hasCentre()))
                    .append("</td><td>")
                    .append(yes(t.hasComprehensiveInstitution()))
                    .append("</td><td>")
                    .append(String.format("%.3f", t.landPerResidentM2()))
                    .append("</td><td>")
                    .append(t.urbanCommunitiesWithStation())
                    .append('/')
                    .append(t.urbanCommunities())
                    .append("</td></tr>");
        }
        h.append("</table></body></html>");
        return h.toString();
    }

    /** The towns coloured by coverage share, the district outline and the facilities. */
    private void drawMap(Graphics2D g, double width, double height, DistrictReport report) {
        Map<String, TownReport> byCode =
                report.towns().stream().collect(Collectors.toMap(TownReport::code, Function.identity()));
        List<Division> towns =
                divisions.list(new DivisionQuery(report.code(), DivisionLevel.TOWNSHIP, null, null, true, 1000, 0));
        Division district = divisions.get(report.code(), null);
        Envelope extent = district.geometry() != null
                ? district.geometry().getEnvelopeInternal()
                : new Envelope(towns.stream()
                        .filter(t -> t.geometry() != null)
                        .map(t -> t.geometry().getEnvelopeInternal())
                        .reduce(new Envelope(), (a, b) -> {
                            a.expandToInclude(b);
                            return a;
                        }));
        // Equirectangular with the x scale shrunk by cos(latitude), so that shapes are not stretched.
        double cos = Math.cos(Math.toRadians(extent.centre().y));
        double scale = Math.min(width / (extent.getWidth() * cos), height / extent.getHeight()) * 0.95;
        Function<Coordinate, double[]> project = c -> new double[] {
            width / 2.0 + (c.x - extent.centre().x) * cos * scale, height / 2.0 - (c.y - extent.centre().y) * scale
        };
        for (Division t : towns) {
            if (t.geometry() == null) {
                continue;
            }
            TownReport tr = byCode.get(t.code());
            double share = tr == null ? 0 : tr.coverageShare() / 100;
            Path2D path = path(t.geometry(), project);
            g.setColor(new Color((int) (220 * (1 - share)), (int) (60 + 150 * share), 60));
            g.fill(path);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(0.5f));
            g.draw(path);
        }
        if (district.geometry() != null) {
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(path(district.geometry(), project));
        }
        g.setColor(Color.BLUE);
        for (Facility f : registry.list(FacilityQuery.publishedIn(report.code().substring(0, 6)))) {
            double[] p = project.apply(f.location().getCoordinate());
            g.fill(new java.awt.geom.Ellipse2D.Double(p[0] - 1.5, p[1] - 1.5, 3, 3));
        }
    }

    private static Path2D path(Geometry geometry, Function<Coordinate, double[]> project) {
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            ring(path, polygon.getExteriorRing().getCoordinates(), project);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                ring(path, polygon.getInteriorRingN(h).getCoordinates(), project);
            }
        }
        return path;
    }

    private static void ring(Path2D path, Coordinate[] ring, Function<Coordinate, double[]> project) {
        for (int i = 0; i < ring.length; i++) {
            double[] p = project.apply(ring[i]);
            if (i == 0) {
                path.moveTo(p[0], p[1]);
            } else {
                path.lineTo(p[0], p[1]);
            }
        }
        path.closePath();
    }

    private static String target(Indicator i) {
        return switch (i.unit()) {
            case "%" -> String.format("%.0f%%", i.target());
            case "个" -> String.format("≥ %.0f 个", i.target());
            default -> String.format("≥ %s %s", i.target(), i.unit());
        };
    }

    private static String yes(boolean b) {
        return b ? "是" : "否";
    }

    private static String e(String s) {
        // The report is XHTML for openhtmltopdf: escape the XML specials of data text.
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
