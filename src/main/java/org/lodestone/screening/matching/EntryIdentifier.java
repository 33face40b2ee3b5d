package org.lodestone.screening.matching;

/**
 * A registration, tax, IMO or other identifier of a party or list entry. Compared on {@link #key()}: letters and
 * digits only, upper case, so {@code 91360 700-MA35} equals {@code 91360700MA35}.
 *
 * @param type the kind of identifier as the source names it ({@code registrationNumber}, {@code imoNumber}, …); may
 *     be empty
 * @param value the identifier as written
 */
public record EntryIdentifier(String type, String value) {

    public String key() {
        StringBuilder b = new StringBuilder(value.length());
        value.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toUpperCase)
                .forEach(b::appendCodePoint);
        return b.toString();
    }
}
