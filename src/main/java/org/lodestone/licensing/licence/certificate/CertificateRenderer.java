package org.lodestone.licensing.licence.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceParty;

/**
 * Renders the licence certificate: A4, title, number, the frozen parties and lines, conditions, validity, issuing
 * authority, the check code and a QR code with the verification URL. Text a font cannot show is transliterated
 * (accents dropped) or, for names in another script, left out with a note; the Latin name is always there. Guarded by
 * {@code LicenceApiTests} (parses the PDF, decodes the QR code) and {@code CertificateRendererUnitTests}.
 */
public final class CertificateRenderer {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float QR_SIZE = 120;
    private static final Color INK = new Color(0x1b, 0x26, 0x33);
    private static final Color MUTED = new Color(0x5f, 0x6b, 0x7a);
    private static final Color ACCENT = new Color(0x0b, 0x4f, 0x6c);

    private final CertificateFonts fonts;

    public CertificateRenderer(CertificateFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * @param checkCode grouped for reading, e.g. {@code ABCD-EFGH-JKMN}
     * @param verificationUrl encoded in the QR code
     */
    public byte[] render(Licence licence, String checkCode, String verificationUrl, LocalDate printedOn) {
        try (var doc = new PDDocument();
                var loaded = fonts.load(doc)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Export licence " + licence.number());
            info.setSubject("Dual-use export licence");
            info.setCreator("Lodestone");
            var w = new Writer(doc, loaded.regular(), loaded.bold());
            draw(w, licence, checkCode, verificationUrl, printedOn, qr(doc, verificationUrl));
            w.finish();
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the certificate of " + licence.number(), e);
        }
    }

    private void draw(
            Writer w, Licence l, String checkCode, String verificationUrl, LocalDate printedOn, PDImageXObject qr)
            throws IOException {
        // Header band with the QR code at the top right, where scanners look first.
        w.image(qr, WIDTH - MARGIN - QR_SIZE, HEIGHT - MARGIN - QR_SIZE, QR_SIZE);
        float textWidth = WIDTH - 2 * MARGIN - QR_SIZE - 15;
        w.text(w.bold, 10, MUTED, "DUAL-USE ITEMS AND TECHNOLOGIES · EXPORT CONTROL", textWidth);
        w.gap(6);
        w.text(w.bold, 20, INK, "Export Licence", textWidth);
        w.gap(4);
        w.text(w.bold, 15, ACCENT, l.number().value(), textWidth);
        w.gap(6);
        w.text(w.regular, 10, INK, "Licence type: " + l.type() + " · Status at issue: ISSUED", textWidth);
        w.text(
                w.regular,
                10,
                INK,
                "Issued " + l.issuedAt().toString().substring(0, 10) + " by "
                        + name(w, l.issuingAuthorityName(), l.issuingAuthorityNameOriginal()),
                textWidth);
        w.text(w.regular, 10, INK, "Valid from " + l.validFrom() + " to " + l.validTo() + " (inclusive)", textWidth);
        w.text(w.regular, 10, INK, "Application reference: " + l.applicationReference(), textWidth);
        w.y = Math.min(w.y, HEIGHT - MARGIN - QR_SIZE - 10);
        w.rule();

        w.heading("Parties");
        party(w, "Licence holder (exporter)", l.holderName(), l.holderNameOriginal(), null);
        party(w, "Consignee", l.consignee().name(), l.consignee().nameOriginal(), l.consignee());
        party(w, "End user", l.endUser().name(), l.endUser().nameOriginal(), l.endUser());

        w.heading("Licensed items");
        float[] cols = {28, 70, 197, 80, 60, 60};
        String[] head = {"Line", "Control no.", "Description", "Quantity", "Unit value", "Total value"};
        w.row(cols, head, w.bold, 8.5f);
        for (LicenceLine line : l.lines()) {
            w.row(
                    cols,
                    new String[] {
                        String.valueOf(line.lineNo()),
                        line.controlNumber() == null ? line.entryKey() : line.controlNumber(),
                        line.description(),
                        plain(line.quantity()) + " " + line.unit(),
                        plain(line.unitValue()) + " " + line.currency() + "/" + line.unit(),
                        plain(line.totalValue()) + " " + line.currency()
                    },
                    w.regular,
                    8.5f);
        }

        w.heading("Conditions");
        if (l.conditions().isEmpty()) {
            w.text(w.regular, 10, INK, "No conditions beyond the applicable export control regulations.", w.full());
        }
        int n = 1;
        for (String condition : l.conditions()) {
            w.text(w.regular, 10, INK, n++ + ". " + condition, w.full());
            w.gap(2);
        }

        w.heading("Verification");
        w.text(
                w.regular,
                10,
                INK,
                "Anyone holding this certificate can check its authenticity and current status (it may have been "
                        + "suspended, revoked or exhausted since printing) by scanning the QR code or opening:",
                w.full());
        w.gap(2);
        w.text(w.regular, 9, ACCENT, verificationUrl.replaceFirst("\\?code=.*$", ""), w.full());
        w.gap(2);
        w.text(w.bold, 12, INK, "Check code: " + checkCode, w.full());
        if (w.omittedScript) {
            w.gap(6);
            w.text(
                    w.regular,
                    8,
                    MUTED,
                    "Note: names in their original script are not printed because no font covering that script is "
                            + "installed on the server; the Latin names above are authoritative for this certificate.",
                    w.full());
        }
        w.gap(10);
        w.rule();
        w.text(
                w.regular,
                8,
                MUTED,
                "Printed " + printedOn
                        + " by Lodestone. Keep the check code confidential to the parties of the export; "
                        + "it proves possession of this certificate.",
                w.full());
    }

    private static void party(Writer w, String role, String name, @Nullable String original, @Nullable LicenceParty p)
            throws IOException {
        w.text(w.bold, 9, MUTED, role.toUpperCase(Locale.ROOT), w.full());
        w.text(w.regular, 11, INK, name(w, name, original) + (p == null ? "" : " · " + country(p)), w.full());
        w.gap(4);
    }

    private static String country(LicenceParty p) {
        String display = Locale.of("", p.country().value()).getDisplayCountry(Locale.ENGLISH);
        return display.isBlank()
                ? p.country().value()
                : display + " (" + p.country().value() + ")";
    }

    /** "Latin name (原名)" when the font can show the original, otherwise the Latin name alone. */
    private static String name(Writer w, String latin, @Nullable String original) {
        if (original == null || original.equals(latin)) {
            return latin;
        }
        if (w.canShow(original)) {
            return latin + " (" + original + ")";
        }
        w.omittedScript = true;
        return latin;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static PDImageXObject qr(PDDocument doc, String url) throws IOException {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            url,
                            BarcodeFormat.QR_CODE,
                            300,
                            300,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            return LosslessFactory.createFromImage(doc, MatrixToImageWriter.toBufferedImage(matrix));
        } catch (WriterException e) {
            throw new IOException("QR code for " + url + " failed", e);
        }
    }

    /** A cursor over pages: writes wrapped text top-down and starts a new page when the current one is full. */
    private static final class Writer {
        final PDDocument doc;
        final PDFont regular;
        final PDFont bold;
        PDPageContentStream cs;
        float y;
        boolean omittedScript;

        Writer(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        float full() {
            return WIDTH - 2 * MARGIN;
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            var page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = HEIGHT - MARGIN;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float h) {
            y -= h;
        }

        void image(PDImageXObject image, float x, float bottom, float size) throws IOException {
            cs.drawImage(image, x, bottom, size, size);
        }

        void rule() throws IOException {
            ensure(12);
            y -= 6;
            cs.setStrokingColor(MUTED);
            cs.setLineWidth(0.5f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(WIDTH - MARGIN, y);
            cs.stroke();
            y -= 8;
        }

        void heading(String title) throws IOException {
            ensure(40);
            gap(8);
            text(bold, 12, ACCENT, title, full());
            gap(3);
        }

        void text(PDFont font, float size, Color color, String raw, float width) throws IOException {
            for (String line : wrap(font, size, printable(font, raw), width)) {
                ensure(size * 1.35f);
                y -= size * 1.35f;
                cs.beginText();
                cs.setFont(font, size);
                cs.setNonStrokingColor(color);
                cs.newLineAtOffset(MARGIN, y);
                cs.showText(line);
                cs.endText();
            }
        }

        /** One table row; cells wrap within their column, the row is as tall as its tallest cell. */
        void row(float[] cols, String[] cells, PDFont font, float size) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> w = wrap(font, size, printable(font, cells[i]), cols[i] - 6);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float lineHeight = size * 1.3f;
            ensure(lines * lineHeight + 6);
            float top = y;
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                float ly = top;
                for (String line : wrapped.get(i)) {
                    ly -= lineHeight;
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.setNonStrokingColor(INK);
                    cs.newLineAtOffset(x + 2, ly);
                    cs.showText(line);
                    cs.endText();
                }
                x += cols[i];
            }
            y = top - lines * lineHeight - 4;
            cs.setStrokingColor(new Color(0xd0, 0xd5, 0xdb));
            cs.setLineWidth(0.4f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + sum(cols), y);
            cs.stroke();
        }

        boolean canShow(String s) {
            try {
                regular.encode(s);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        void finish() throws IOException {
            cs.close();
        }

        private static float sum(float[] cols) {
            float s = 0;
            for (float c : cols) {
                s += c;
            }
            return s;
        }

        /** Replaces what the font cannot show: accents are dropped (é → e), anything else becomes '?'. */
        private static String printable(PDFont font, String raw) {
            String clean = raw.replaceAll("\\p{Cntrl}", " ");
            try {
                font.encode(clean);
                return clean;
            } catch (IllegalArgumentException | IOException e) {
                var out = new StringBuilder();
                clean.codePoints().forEach(cp -> {
                    String ch = new String(Character.toChars(cp));
                    if (encodes(font, ch)) {
                        out.append(ch);
                    } else {
                        String base =
                                Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                        out.append(!base.isEmpty() && encodes(font, base) ? base : "?");
                    }
                });
                return out.toString();
            }
        }

        private static boolean encodes(PDFont font, String s) {
            try {
                font.encode(s);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            var line = new StringBuilder();
            for (String word : text.split("(?<= )")) {
                String candidate = line + word;
                if (width(font, size, candidate.stripTrailing()) <= width) {
                    line.append(word);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                // A word wider than the column (or text without spaces, as in Chinese) breaks between characters.
                for (int cp : word.codePoints().toArray()) {
                    String next = line + new String(Character.toChars(cp));
                    if (width(font, size, next.stripTrailing()) > width && !line.isEmpty()) {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                    }
                    line.appendCodePoint(cp);
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }

        private static float width(PDFont font, float size, String s) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }
    }
}
