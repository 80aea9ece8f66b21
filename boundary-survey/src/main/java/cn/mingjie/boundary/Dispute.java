package cn.mingjie.boundary;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;

/** A boundary dispute (边界争议): parties, the disputed area, each side's claimed line, its stage. */
public record Dispute(
        long id,
        Long lineId,
        String title,
        List<String> parties,
        MultiPolygon area,
        String status,
        LocalDate openedOn,
        String decisionRef,
        List<Claim> claims,
        int rowVersion) {

    /** Stages (行政区域边界争议处理条例): negotiation 协商 → mediation 调解 → decision 裁决, then closed. */
    public static final List<String> STAGES = List.of("negotiation", "mediation", "decision", "closed");

    public String versionTag() {
        return id + "." + rowVersion;
    }

    public boolean open() {
        return !status.equals("closed");
    }

    public record Claim(long id, String partyCode, LineString line, String note) {}
}
