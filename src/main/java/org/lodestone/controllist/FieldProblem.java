package org.lodestone.controllist;

import org.lodestone.shared.Problems;

/** One rejected input field: which one (JSON path, e.g. {@code item.elements.Dy}) and why. */
public record FieldProblem(String field, String reason) implements Problems.FieldReason {}
