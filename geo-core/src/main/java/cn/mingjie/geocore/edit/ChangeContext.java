package cn.mingjie.geocore.edit;

import java.util.List;

/**
 * Who makes a change and why. Every write to names, boundaries, markers and facilities carries one
 * and it ends up in the audit history.
 */
public record ChangeContext(String actor, String reason) {

    public ChangeContext {
        if (actor == null || actor.isBlank()) {
            throw new ValidationException(List.of(new FieldProblem("actor", "error.actor.required")));
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(List.of(new FieldProblem("reason", "error.reason.required")));
        }
        reason = Text.nfc(reason.strip());
    }
}
