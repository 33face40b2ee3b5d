package org.lodestone.screening.index;

import java.util.Optional;
import java.util.function.Consumer;
import org.lodestone.screening.lists.EntryDetails;
import org.lodestone.screening.matching.ListedEntry;

/**
 * Where the index takes its entries from. The active releases of the imported lists are one source
 * ({@link org.lodestone.screening.lists.ActiveEntries}); a further source bean (tests register one with entries of
 * their own) is merged in. Entry keys ({@code listCode} + {@code entryId}) must not collide across sources.
 */
public interface EntrySource {

    void forEach(Consumer<ListedEntry> sink);

    Optional<EntryDetails> find(String listCode, String entryId);
}
