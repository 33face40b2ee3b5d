package org.lodestone.licensing.licence.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.LicenceType;
import org.lodestone.shared.CountryCode;

/**
 * The certificate never fails on text its font cannot show (#3): Chinese names (kept when a CJK font is installed,
 * left out with a note otherwise, the Latin name always printed), accents, control characters, long conditions and
 * many lines spilling onto further pages — with every font choice, the PDF standard Helvetica included.
 */
class CertificateRendererUnitTests {

    @Test
    void rendersChineseNamesAndLongContentWithTheSystemFonts() throws Exception {
        var fonts = CertificateFonts.discover(null);
        String text = render(fonts, Path.of("target/certificate-sample.pdf"));
        assertThat(text).contains("CN-EX-2026-000042", "Rare Earth Motors Ltd.", "Müller Antriebe GmbH", "Line");
        if (fonts.coversCjk()) {
            assertThat(text).contains("稀土电机有限公司");
        } else {
            assertThat(text).doesNotContain("稀土电机有限公司").contains("original script are not printed");
        }
    }

    @Test
    void helveticaFallbackTransliteratesInsteadOfFailing() throws Exception {
        String text = render(CertificateFonts.none(), Path.of("target/certificate-helvetica.pdf"));
        // Ő is not in WinAnsi: its accent is dropped; é and ü are kept; Chinese is left out with a note
        assertThat(text)
                .contains("Orség Motors Kft.", "Müller Antriebe GmbH", "Rare Earth Motors Ltd.")
                .contains("original script are not printed")
                .doesNotContain("稀土");
    }

    private static String render(CertificateFonts fonts, Path out) throws Exception {
        var lines = new ArrayList<LicenceLine>();
        for (int i = 1; i <= 30; i++) {
            lines.add(new LicenceLine(
                    i,
                    "1C905.b",
                    "dy-oxide",
                    "Dysprosium oxide, lot " + i + " — purity ≥ 99.5 %",
                    new BigDecimal("12.5"),
                    new BigDecimal("12.5"),
                    "kg",
                    new BigDecimal("285"),
                    "USD"));
        }
        var licence = new Licence(
                UUID.randomUUID(),
                new LicenceNumber("CN-EX-2026-000042"),
                LicenceType.SINGLE,
                LicenceStatus.ISSUED,
                null,
                new ApplicationId(UUID.randomUUID()),
                "APP-42",
                new OrganisationId(UUID.randomUUID()),
                "Demo Magnetics Co., Ltd.",
                "演示磁材有限公司",
                new OrganisationId(UUID.randomUUID()),
                "Jiangxi Provincial Department of Commerce",
                "江西省商务厅",
                new LicenceParty("Müller Antriebe GmbH", null, new CountryCode("DE")),
                new LicenceParty("Rare Earth Motors Ltd.", "稀土电机有限公司", new CountryCode("CN")),
                lines,
                List.of("A very long condition ".repeat(30) + "\u0007end.", "不得转口。", "Agent: Őrség Motors Kft."),
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                Instant.parse("2026-01-01T02:00:00Z"),
                "supervisor",
                0);
        byte[] pdf = new CertificateRenderer(fonts)
                .render(
                        licence,
                        "ABCD-EFGH-JKMN",
                        "http://localhost:8080/verify/CN-EX-2026-000042?code=ABCDEFGHJKMN",
                        LocalDate.parse("2026-01-02"));
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            return new PDFTextStripper().getText(doc);
        }
    }
}
