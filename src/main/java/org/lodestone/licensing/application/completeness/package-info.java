/**
 * The completeness check: the data-driven checklist ({@code licensing/completeness-rules.yaml}, rules per party role,
 * item form, element, control entry and end-use sector) plus the structural checks every application must pass,
 * evaluated against the application's content and the evidence on file, naming every missing piece precisely.
 */
@NullMarked
package org.lodestone.licensing.application.completeness;

import org.jspecify.annotations.NullMarked;
