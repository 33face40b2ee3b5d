package org.lodestone.screening.names;

/**
 * One token of a normalised name, in lower-case ASCII.
 *
 * @param text the token ({@code "zhang"}, {@code "magnet"}, {@code "llc"})
 * @param kind what the token is; legal forms and stop words weigh little in a comparison
 * @param fromHan whether the token is a reading of Chinese characters: such tokens are compared exactly, never with
 *     edit distance (习近平 and 习近朋 are different names)
 */
public record NameToken(String text, Kind kind, boolean fromHan) {

    /** What a token is. */
    public enum Kind {
        /** A distinctive word of the name. */
        WORD,
        /** A legal form such as LLC, GmbH, 有限公司. */
        LEGAL_FORM,
        /** A common company word (technology, trading, group…), shared by many unrelated names. */
        COMMON,
        /** A stop word or title (of, the, Mr, Dr…). */
        STOP,
        /** A number. */
        NUMBER
    }
}
