package cn.mingjie.gazetteer.rules;

import java.util.List;

/**
 * One rule's verdict on a proposal: which rule ({@code rule}, e.g. ART9_DUPLICATE), how serious
 * (BLOCK stops the proposal, WARN and FLAG go to the reviewer), a message key with its arguments,
 * and the existing names it conflicts with.
 */
public record RuleFinding(
        String rule, Severity severity, String messageKey, List<Object> args, List<Conflict> conflicts) {

    public enum Severity {
        BLOCK,
        WARN,
        FLAG
    }

    /** An existing name that a proposal conflicts with. */
    public record Conflict(long placeId, String name, String divisionCode, String categoryCode, String pinyin) {}
}
