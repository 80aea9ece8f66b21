package cn.mingjie.data;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** GeoNames places and the pinyin reference lists, kept as they are for later modules and tests. */
@Component
public class ReferenceLoader {

    private final JdbcTemplate jdbc;

    public ReferenceLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int loadGeoNames(Resource tsv) {
        List<CSVRecord> rows = SampleFiles.tsv(tsv);
        jdbc.batchUpdate(
                "insert into sample.geonames_place (geonameid, name, ascii_name, alternate_names, feature_code,"
                        + " population, geom) values (?, ?, ?, ?, ?, ?, st_setsrid(st_makepoint(?, ?), 4490))"
                        + " on conflict (geonameid) do nothing",
                rows,
                500,
                (ps, r) -> {
                    ps.setLong(1, Long.parseLong(r.get("geonameid")));
                    ps.setString(2, r.get("name"));
                    ps.setString(3, r.get("asciiname"));
                    String alt = r.get("alternatenames");
                    ps.setArray(
                            4,
                            ps.getConnection().createArrayOf("text", alt.isEmpty() ? new String[0] : alt.split(",")));
                    ps.setString(5, r.get("feature_code"));
                    ps.setLong(6, Long.parseLong(r.get("population")));
                    ps.setDouble(7, Double.parseDouble(r.get("longitude")));
                    ps.setDouble(8, Double.parseDouble(r.get("latitude")));
                });
        // GeoNames codes a few Zhejiang places as Chongqing; the district polygons expose them.
        jdbc.update("update sample.geonames_place g set inside_chongqing = exists (select 1 from"
                + " geo.division_version d where d.code = '500000000000' and d.valid_to is null"
                + " and st_intersects(d.geom, g.geom))");
        return rows.size();
    }

    int loadPhrasePinyin(Resource tsv) {
        List<CSVRecord> rows = SampleFiles.tsv(tsv);
        jdbc.batchUpdate(
                "insert into sample.pinyin_reference (source, word, pinyin) values (?, ?, ?)", rows, 500, (ps, r) -> {
                    ps.setString(1, "phrase-pinyin-data/" + r.get("source_file"));
                    ps.setString(2, r.get("word"));
                    ps.setString(3, r.get("pinyin"));
                });
        return rows.size();
    }

    int loadAreaCityPinyin(Resource csv) {
        List<CSVRecord> rows = SampleFiles.csv(csv);
        jdbc.batchUpdate(
                "insert into sample.pinyin_reference (source, word, pinyin, code) values (?, ?, ?, ?)",
                rows,
                500,
                (ps, r) -> {
                    ps.setString(1, "areacity");
                    ps.setString(2, r.get("ext_name"));
                    ps.setString(3, r.get("pinyin"));
                    ps.setString(4, r.get("ext_id"));
                });
        return rows.size();
    }
}
