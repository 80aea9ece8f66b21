package cn.mingjie.geocore.edit;

import java.util.List;

/** Input that breaks a rule; nothing was written. */
public class ValidationException extends DomainException {

    private final transient List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super("error.validation", problems.size());
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String messageKey, Object... args) {
        return new ValidationException(List.of(new FieldProblem(field, messageKey, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
