package org.lodestone.screening.lists;

import java.util.Optional;
import java.util.function.Consumer;
import org.lodestone.screening.matching.ListedEntry;

/** The entries of the active release of every list: what the screening index is built from. */
public interface ActiveEntries {

    /** Streams every active entry of every list (without holding them all in memory). */
    void forEach(Consumer<ListedEntry> sink);

    /** An active entry with what a reviewer needs to judge a hit, or empty if its list no longer holds it. */
    Optional<EntryDetails> find(String listCode, String entryId);
}
