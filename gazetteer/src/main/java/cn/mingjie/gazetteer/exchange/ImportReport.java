package cn.mingjie.gazetteer.exchange;

import java.util.List;

/**
 * What an import does or would do, row by row: CREATE a place, CORRECT its current version,
 * REVISE it (new version: the name or category changed), leave it UNCHANGED, or REJECT the row
 * with the problems found. {@code applied} is false for a dry run or when any row was rejected.
 */
public record ImportReport(boolean applied, List<Row> rows) {

    public record Row(int row, String action, Long placeId, String name, List<String> problems) {}

    public long count(String action) {
        return rows.stream().filter(r -> r.action().equals(action)).count();
    }
}
