package cn.mingjie.geocore.layer.geoserver;

import java.util.List;

/** What a publishing run did (or, in a dry run, would do). */
public record PublishReport(String geoServer, boolean dryRun, List<PublishStep> steps) {

    public PublishReport {
        steps = List.copyOf(steps);
    }

    public long changes() {
        return steps.stream().filter(PublishStep::changes).count();
    }

    /** The plan as text, one step a line, for the command line. */
    public String describe() {
        StringBuilder out = new StringBuilder(dryRun ? "Plan (dry run, nothing changed) for " : "Published to ")
                .append(geoServer)
                .append(":\n");
        steps.forEach(s -> out.append("  ").append(s).append('\n'));
        out.append(changes()).append(" change(s)\n");
        return out.toString();
    }
}
