package cn.mingjie.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A joint inspection (联检) of one line: a periodic round of the 5-year cycle or an ad-hoc one, led by
 * one side with the other supporting, its findings and both sides' sign-off.
 */
public record Inspection(
        long id,
        long lineId,
        String kind,
        int roundYear,
        String leadCode,
        String supportingCode,
        String leadTeam,
        String supportingTeam,
        LocalDate inspectedOn,
        String deskCheck,
        String fieldCheck,
        String status,
        List<String> acknowledged,
        List<MarkerFinding> markerFindings,
        List<OtherFinding> otherFindings,
        List<SignOff> signOffs,
        int rowVersion) {

    public String versionTag() {
        return id + "." + rowVersion;
    }

    public record MarkerFinding(
            long id,
            long markerId,
            String markerNumber,
            String condition,
            Double lon,
            Double lat,
            Double accuracy,
            String note,
            String clientId,
            String recordedBy) {}

    public record OtherFinding(
            long id, String kind, String description, Double lon, Double lat, String clientId, String recordedBy) {}

    public record SignOff(String sideCode, String signatory, String signedBy, OffsetDateTime signedAt) {}
}
