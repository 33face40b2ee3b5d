package org.lodestone.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text is fitted to its column without failing the caller and without changing on its way into the database. */
class StoredTextUnitTests {

    @Test
    void shortCleanTextIsUnchanged() {
        assertThat(StoredText.fit("Neodymium oxide, 99.5 % — ok 😀", 100)).isEqualTo("Neodymium oxide, 99.5 % — ok 😀");
        assertThat(StoredText.fit(null, 10)).isNull();
        assertThat(StoredText.fit("0123456789", 10)).isEqualTo("0123456789");
    }

    @Test
    void overlongTextIsCutAndMarked() {
        assertThat(StoredText.fit("0123456789A", 10)).isEqualTo("012345678…").hasSize(10);
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String text = "12345678😀rest"; // the emoji occupies chars 8 and 9

        assertThat(StoredText.fit(text, 10)).isEqualTo("12345678…");
        assertThat(StoredText.fit("1234567😀rest", 10)).isEqualTo("1234567😀…");
    }

    @Test
    void nulAndUnpairedSurrogatesAreReplaced() {
        assertThat(StoredText.fit("a\u0000b", 10)).isEqualTo("a\uFFFDb");
        assertThat(StoredText.fit("a\uD800b\uDC00", 10)).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(StoredText.fit("\uDC00\uD800", 10)).isEqualTo("\uFFFD\uFFFD");
        assertThat(StoredText.fit("ok\uD83D\uDE00\u0000", 10)).isEqualTo("ok😀\uFFFD");
    }
}
