package org.lodestone.licensing.application;

import java.util.List;

/** One page of applications the caller may see, newest first; {@code page} counts from 0. */
public record ApplicationPage(List<ApplicationListing> content, int page, int size, long total) {

    public ApplicationPage {
        content = List.copyOf(content);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
