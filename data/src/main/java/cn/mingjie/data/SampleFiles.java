package cn.mingjie.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;

/** Reading the sample's CSV and TSV files (UTF-8, header row). */
final class SampleFiles {

    private SampleFiles() {}

    static List<CSVRecord> csv(Resource resource) {
        return read(resource, CSVFormat.DEFAULT);
    }

    static List<CSVRecord> tsv(Resource resource) {
        // GeoNames fields contain quotes (T'ung-nan) that are not CSV quoting.
        return read(
                resource, CSVFormat.TDF.builder().setQuote(null).setEscape(null).get());
    }

    private static List<CSVRecord> read(Resource resource, CSVFormat format) {
        try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return format.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource.getDescription(), e);
        }
    }
}
