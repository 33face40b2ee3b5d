package org.lodestone.controllist;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A suspension record as an administrator submits it. To record that No. 70 was extended, post a record that
 * {@code supersedes} it with the new end; to record that it was not, post one with the same end and
 * {@code extensionVerified: true}.
 */
public record SuspensionDraft(
        @Nullable String key,
        @Nullable String legalAct,
        @Nullable List<String> suspendsActs,
        @Nullable List<String> suspendsRules,
        @Nullable String startsOn,
        @Nullable String endsOn,
        @Nullable Boolean extensionVerified,
        @Nullable String supersedes,
        @Nullable String confidence,
        @Nullable String note) {}
