package org.lodestone.licensing.evidence;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of evidence documents ({@code lodestone.evidence.*}).
 *
 * @param storageDir root of the filesystem storage; {@code ${lodestone.data-dir}/documents} when not set
 * @param maxSize largest document accepted (upload refused with 413 as soon as it is passed)
 * @param garbageAge how old an unreferenced blob or unfinished upload must be before the sweep removes it
 * @param garbageInterval how often the sweep runs
 */
@ConfigurationProperties("lodestone.evidence")
public record EvidenceProperties(
        @Nullable Path storageDir,
        @DefaultValue("500MB") DataSize maxSize,
        @DefaultValue("P1D") Duration garbageAge,
        @DefaultValue("PT6H") Duration garbageInterval) {}
