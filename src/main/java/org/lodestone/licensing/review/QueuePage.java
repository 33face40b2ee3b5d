package org.lodestone.licensing.review;

import java.util.List;

/** A page of the queue and how many cases match the filter in all. */
public record QueuePage(List<QueueEntry> entries, int page, int size, long total) {

    public QueuePage {
        entries = List.copyOf(entries);
    }
}
