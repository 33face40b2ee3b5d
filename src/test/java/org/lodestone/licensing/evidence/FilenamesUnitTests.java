package org.lodestone.licensing.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** #3: filenames with path separators or control characters are kept for display only, sanitised. */
class FilenamesUnitTests {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            certificate.pdf                | certificate.pdf
            ../../etc/passwd               | passwd
            ..\\..\\windows\\win.ini       | win.ini
            /var/lib/lodestone/x.pdf       | x.pdf
            C:\\Users\\me\\order.xlsx      | order.xlsx
            '  spaced name.pdf  '          | spaced name.pdf
            ..                             | document
            ../..                          | document
            '   '                          | document
            有限公司 证书.pdf                | 有限公司 证书.pdf
            """)
    void sanitises(String raw, String expected) {
        assertThat(Filenames.sanitise(raw)).isEqualTo(expected);
    }

    @Test
    void removesControlAndBidiCharacters() {
        assertThat(Filenames.sanitise("evil\u0000name\r\n.pdf")).isEqualTo("evilname.pdf");
        // U+202E RIGHT-TO-LEFT OVERRIDE would display "invoice\u202Efdp.exe" as "invoiceexe.pdf".
        assertThat(Filenames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(Filenames.sanitise("a\u0007b/c\u001bd.png")).isEqualTo("cd.png");
    }

    @Test
    void normalisesToNfc() {
        String decomposed = "Cafe\u0301.pdf";
        assertThat(Filenames.sanitise(decomposed)).isEqualTo("Caf\u00e9.pdf").hasSize(8);
    }

    @Test
    void limitsTo255CharactersKeepingTheExtension() {
        String name = Filenames.sanitise("x".repeat(400) + ".pdf");
        assertThat(name).hasSize(255).endsWith("xxx.pdf");
        String wide = Filenames.sanitise("有".repeat(300));
        assertThat(wide.codePointCount(0, wide.length())).isEqualTo(255);
    }

    @Test
    void nullBecomesAGenericName() {
        assertThat(Filenames.sanitise(null)).isEqualTo("document");
    }
}
