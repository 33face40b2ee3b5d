package org.lodestone.screening.matching;

import java.util.List;
import org.lodestone.screening.names.NameToken;

/**
 * A query normalised once, before it is compared with the candidates an index found. Obtain it from
 * {@link NameMatcher#prepare(NameQuery)}; immutable and thread-safe.
 */
public interface PreparedQuery {

    NameQuery query();

    /** The distinct tokens of every reading of the query's name: what a candidate index looks up. */
    List<NameToken> tokens();

    /** The keys ({@link EntryIdentifier#key()}) of the query's identifiers. */
    List<String> identifierKeys();
}
