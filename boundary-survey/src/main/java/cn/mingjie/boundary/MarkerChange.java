package cn.mingjie.boundary;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A joint application (联合申请) to add, move, retire or rebuild a marker. It changes the register only
 * once approved. A "move" made from a re-measured inspection finding names it in {@code findingId}.
 */
public record MarkerChange(
        long id,
        long lineId,
        Long markerId,
        String kind,
        Proposal proposed,
        List<Applicant> applicants,
        String reason,
        String status,
        String appliedBy,
        OffsetDateTime appliedAt,
        String decidedBy,
        String decisionRef,
        Long findingId,
        int rowVersion) {

    public String versionTag() {
        return id + "." + rowVersion;
    }

    /** One side's signatory to the application. */
    public record Applicant(String divisionCode, String signatory) {}

    /** What the marker should become: a position (lon/lat), type, attributes. Unused fields are null. */
    public record Proposal(
            Integer sequence,
            Character type,
            Double lon,
            Double lat,
            Double elevation,
            String material,
            java.time.LocalDate installedOn,
            String responsibleCode,
            List<ReferenceObject> references) {}
}
