package org.lodestone.screening.lists.formats;

import org.lodestone.screening.lists.ListEntry;

/** Where a reader delivers what it read, in file order. */
public interface ImportSink {

    /** An entry read from the record starting at {@code line}. */
    void entry(long line, ListEntry entry);

    /** A record that was read but is of no interest (e.g. a FollowTheMoney Address or Ownership). */
    void skipped(long line);

    /** A record that could not be imported, and why; the import goes on. */
    void rejected(long line, String reason, String excerpt);
}
