package org.lodestone.screening.matching;

import java.util.List;
import org.lodestone.screening.names.NameToken;

/**
 * A list entry normalised once, when an index is built, so that scoring a query against it is cheap: the readings of
 * all its names and its identifier keys, held in arrays. Obtain it from {@link NameMatcher#prepare(ListedEntry)};
 * immutable and thread-safe.
 */
public interface PreparedEntry {

    ListedEntry entry();

    /**
     * The distinct tokens of every reading of every name of the entry (legal forms, common words and stop words
     * included, marked by their kind): what a candidate index indexes. Han-derived tokens ({@link NameToken#fromHan()})
     * only ever match exactly; other tokens may match with small spelling differences.
     */
    List<NameToken> tokens();

    /** The keys ({@link EntryIdentifier#key()}) of the entry's identifiers; an identical key is decisive. */
    List<String> identifierKeys();
}
