package cn.mingjie.geocore.edit;

/** One thing wrong with the input: where ({@code field}, a JSON pointer-like path) and a message key. */
public record FieldProblem(String field, String messageKey, Object... args) {}
