package org.lodestone.controllist;

/** One rejected input field: which one (JSON path, e.g. {@code item.elements.Dy}) and why. */
public record FieldProblem(String field, String reason) {}
