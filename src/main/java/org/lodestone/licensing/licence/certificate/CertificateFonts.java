package org.lodestone.licensing.licence.certificate;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the fonts for certificates: a configured font file first, then a CJK font if the system has one (Noto CJK, WQY,
 * Droid Sans Fallback, AR PL), then DejaVu Sans, then the PDF standard Helvetica. Which one was found is decided once;
 * each document embeds its own subset. Without a CJK font, names in Chinese script are left out (the Latin name is
 * always printed), never a failure.
 */
public final class CertificateFonts {

    private static final Logger log = LoggerFactory.getLogger(CertificateFonts.class);

    static final List<String> CJK_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/STHeiti Light.ttc");
    static final List<String> LATIN_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf");
    static final List<String> LATIN_BOLD_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
            "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf");

    private final @Nullable File regular;
    private final @Nullable File bold;
    private final boolean coversCjk;

    private CertificateFonts(@Nullable File regular, @Nullable File bold, boolean coversCjk) {
        this.regular = regular;
        this.bold = bold;
        this.coversCjk = coversCjk;
    }

    /** Looks for fonts; {@code configured} (a file path) wins when it exists. */
    public static CertificateFonts discover(@Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            File f = new File(configured.strip());
            if (f.canRead()) {
                log.info("Licence certificates use the configured font {}", f);
                return new CertificateFonts(f, null, true);
            }
            log.warn("Configured certificate font {} is not readable; looking for system fonts", f);
        }
        File cjk = first(CJK_CANDIDATES);
        File latin = first(LATIN_CANDIDATES);
        File latinBold = first(LATIN_BOLD_CANDIDATES);
        if (cjk != null) {
            log.info("Licence certificates use {} (covers Chinese names)", cjk);
            return new CertificateFonts(cjk, null, true);
        }
        log.warn(
                "No CJK font found (install fonts-noto-cjk or fonts-wqy-microhei, or set "
                        + "lodestone.licensing.licence.certificate-font): certificates print names in Latin script only, "
                        + "using {}",
                latin == null ? "Helvetica" : latin);
        return new CertificateFonts(latin, latinBold, false);
    }

    /** No font files at all: the PDF standard Helvetica (Latin-1 only), the last resort. */
    public static CertificateFonts none() {
        return new CertificateFonts(null, null, false);
    }

    private static @Nullable File first(List<String> candidates) {
        for (String c : candidates) {
            File f = new File(c);
            if (f.isFile() && f.canRead()) {
                return f;
            }
        }
        return null;
    }

    public boolean coversCjk() {
        return coversCjk;
    }

    /** Fonts loaded into one document; close after saving (a TrueType collection stays open until then). */
    Loaded load(PDDocument doc) throws IOException {
        List<Closeable> open = new ArrayList<>();
        PDFont r = regular == null ? new PDType1Font(Standard14Fonts.FontName.HELVETICA) : load(doc, regular, open);
        PDFont b = bold != null
                ? load(doc, bold, open)
                : regular == null ? new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD) : r;
        return new Loaded(r, b, open);
    }

    private static PDFont load(PDDocument doc, File file, List<Closeable> open) throws IOException {
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            var collection = new TrueTypeCollection(file);
            open.add(collection);
            var first = new AtomicReference<TrueTypeFont>();
            collection.processAllFonts(font -> first.compareAndSet(null, font));
            if (first.get() == null) {
                throw new IOException("empty font collection " + file);
            }
            return PDType0Font.load(doc, first.get(), true);
        }
        return PDType0Font.load(doc, file);
    }

    record Loaded(PDFont regular, PDFont bold, List<Closeable> open) implements Closeable {
        @Override
        public void close() throws IOException {
            for (Closeable c : open) {
                c.close();
            }
        }
    }
}
