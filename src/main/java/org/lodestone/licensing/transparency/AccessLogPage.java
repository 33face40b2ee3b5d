package org.lodestone.licensing.transparency;

import java.util.List;

/** One page of an owner's access log, newest first. */
public record AccessLogPage(List<AccessLogEntry> entries, int page, int size, long total) {

    public AccessLogPage {
        entries = List.copyOf(entries);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
