package org.lodestone.controllist;

import java.util.List;

/** An entry with all its versions (oldest first) and the optimistic-lock version an amendment must quote. */
public record ControlEntryHistory(String key, long version, List<ControlEntry> versions) {}
