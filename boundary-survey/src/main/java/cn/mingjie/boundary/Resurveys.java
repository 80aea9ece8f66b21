package cn.mingjie.boundary;

import cn.mingjie.boundary.internal.Grid;
import cn.mingjie.geocore.edit.ChangeContext;
import cn.mingjie.geocore.edit.NotFoundException;
import cn.mingjie.geocore.edit.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The re-survey step: an inspection finding whose re-measured position is farther from the recorded
 * position than the displacement tolerance becomes a joint "move" application, pre-filled with the
 * measured coordinates and linked to the finding. Only its approval moves the recorded position; until
 * then the marker stays where the register has it (an illegal move has no legal effect).
 */
@Service
public class Resurveys {

    static final String FINDING_ENTITY = "boundary-finding";

    private final JdbcTemplate jdbc;
    private final MarkerRegister markers;

    public Resurveys(JdbcTemplate jdbc, MarkerRegister markers) {
        this.jdbc = jdbc;
        this.markers = markers;
    }

    /**
     * A re-measured marker finding set against the recorded position: the displacement on the
     * Gauss-Krüger plane, the tolerance k·√(σ_recorded² + σ_finding²), and the move application made
     * from it, if any (the latest one that was not rejected).
     */
    public record Resurvey(
            long findingId,
            long inspectionId,
            long markerId,
            String markerNumber,
            double recordedLon,
            double recordedLat,
            double lon,
            double lat,
            double accuracy,
            double displacement,
            double tolerance,
            boolean exceedsTolerance,
            Long changeId,
            String changeStatus) {}

    private record Measured(
            long findingId, long inspectionId, long markerId, Double lon, Double lat, Double accuracy) {}

    /** The findings of an inspection that carry re-measured coordinates. */
    public List<Resurvey> ofInspection(long inspectionId, CheckSettings settings) {
        return jdbc
                .query(
                        MEASURED + " where f.inspection_id = ? and f.geom is not null order by f.id",
                        (rs, i) -> measured(rs),
                        inspectionId)
                .stream()
                .map(m -> resurvey(m, settings))
                .toList();
    }

    public Resurvey ofFinding(long findingId, CheckSettings settings) {
        return resurvey(finding(findingId), settings);
    }

    /**
     * Makes the joint move application for a finding that exceeds the tolerance; the proposal is the
     * measured position (and the given elevation, if any). Refused when the finding has no
     * coordinates, lies within the tolerance, or already has a pending or approved application.
     */
    @Transactional
    public MarkerChange applyMove(
            long findingId,
            List<MarkerChange.Applicant> applicants,
            Double elevation,
            CheckSettings settings,
            ChangeContext who) {
        Measured m = finding(findingId);
        jdbc.query("select id from boundary.marker where id = ? for update", (rs, i) -> 1, m.markerId());
        Resurvey r = resurvey(m, settings);
        if (r.changeId() != null) {
            throw ValidationException.of(
                    "findingId", "error.boundary.resurvey-applied", r.changeId(), r.changeStatus());
        }
        if (!r.exceedsTolerance()) {
            throw ValidationException.of(
                    "findingId",
                    "error.boundary.resurvey-within-tolerance",
                    r.markerNumber(),
                    r.displacement(),
                    r.tolerance());
        }
        Marker marker = markers.get(m.markerId());
        return markers.apply(
                marker.lineId(),
                marker.id(),
                "move",
                new MarkerChange.Proposal(null, null, m.lon(), m.lat(), elevation, null, null, null, null),
                applicants,
                findingId,
                who);
    }

    private static final String MEASURED = "select f.id, f.inspection_id, f.marker_id, st_x(f.geom), st_y(f.geom),"
            + " f.accuracy_m from boundary.inspection_marker_finding f";

    private Measured finding(long findingId) {
        Measured m = jdbc.query(MEASURED + " where f.id = ?", (rs, i) -> measured(rs), findingId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(FINDING_ENTITY, String.valueOf(findingId)));
        if (m.lon() == null) {
            throw ValidationException.of("findingId", "error.boundary.resurvey-no-position", findingId);
        }
        return m;
    }

    private static Measured measured(ResultSet rs) throws SQLException {
        return new Measured(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                (Double) rs.getObject(4),
                (Double) rs.getObject(5),
                (Double) rs.getObject(6));
    }

    private Resurvey resurvey(Measured m, CheckSettings settings) {
        Marker marker = markers.get(m.markerId());
        Coordinate recorded = marker.position().getCoordinate();
        double displacement = Grid.distance(recorded, new Coordinate(m.lon(), m.lat()));
        double tolerance = settings.displacementTolerance(settings.defaultAccuracy(), m.accuracy());
        List<Object[]> change = jdbc.query(
                "select id, status from boundary.marker_change where finding_id = ? and status <> 'rejected'"
                        + " order by id desc limit 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
                m.findingId());
        return new Resurvey(
                m.findingId(),
                m.inspectionId(),
                marker.id(),
                marker.number(),
                recorded.x,
                recorded.y,
                m.lon(),
                m.lat(),
                m.accuracy(),
                displacement,
                tolerance,
                displacement > tolerance,
                change.isEmpty() ? null : (Long) change.get(0)[0],
                change.isEmpty() ? null : (String) change.get(0)[1]);
    }
}
