package org.lodestone.licensing.redaction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.jspecify.annotations.Nullable;

/**
 * True redaction of a PDF: the copy it makes does not contain the marked content in any form. Every page with a mark
 * (a search term found on it, or an area) is rasterised with the marks painted opaque black into the pixels, and only
 * that image goes into the copy — nothing under a black box survives as text, glyphs or vector paths. Pages without
 * marks are copied with their text, but as fresh page dictionaries holding only the content streams, the resources those
 * streams use, the boxes and the rotation. The copy is a new document, saved whole (no incremental update, so no earlier
 * revision rides along), without document information, XMP metadata, outlines, annotations, form fields, attachments,
 * JavaScript, actions, thumbnails or structure tree, none of which is ever copied.
 *
 * <p>Before the copy is handed out it is checked: reloaded, every page's text, every string and name of every object
 * reachable from the trailer and every decoded non-image stream must be free of every term, and every form XObject is
 * drawn on a scratch page and its text checked too. If anything is found (a term hidden in a resource shared with a
 * redacted page, say), every page is rasterised and the check repeated; a document that still fails is refused. Terms
 * are matched case-insensitively and regardless of white space (so "Zircon Holdings" also matches "ZirconHoldings" — over-
 * redaction is the safe side); text that extraction cannot see
 * (scanned images, outlined glyphs) is not found by terms — mark it with an area. Guarded by {@code
 * PdfRedactorUnitTests}.
 */
final class PdfRedactor {

    static final float DPI = 150;
    static final int MAX_TERMS = 100;
    static final int MAX_AREAS = 200;
    static final int MIN_TERM_LENGTH = 2;
    static final int MAX_TERM_LENGTH = 200;
    static final int MAX_PAGES = 1000;

    /** Points around each found glyph painted as well, so anti-aliased edges of the glyph go too. */
    private static final float PAD = 1.5f;

    /**
     * The redacted copy and what was done: the count of each term on each page where it was found, the page count and
     * the pages (from 1) that were rasterised.
     */
    record Result(byte[] pdf, List<TermCount> counts, int pages, List<Integer> rasterised) {}

    private PdfRedactor() {}

    /**
     * Redacts {@code original}.
     *
     * @throws RedactionProblem 422 naming {@code document} (not a readable PDF, encrypted or password-protected, too
     *     many pages, cannot be redacted safely), {@code terms[i]} or {@code areas[i]} (off the page, no such page)
     */
    static Result redact(byte[] original, List<String> terms, List<Area> areas) {
        List<String> normalised = validTerms(terms);
        if (normalised.isEmpty() && areas.isEmpty()) {
            throw RedactionProblem.invalid("terms", "give at least one term or one area to redact");
        }
        if (areas.size() > MAX_AREAS) {
            throw RedactionProblem.invalid("areas", "at most " + MAX_AREAS + " areas");
        }
        try (PDDocument source = load(original)) {
            int pages = source.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw RedactionProblem.invalid(
                        "document", "has " + pages + " pages; at most " + MAX_PAGES + " can be redacted at once");
            }
            Map<Integer, List<Rectangle2D>> boxes = new LinkedHashMap<>();
            checkAreas(source, areas, boxes);
            List<TermCount> counts = find(source, normalised, boxes);
            // Annotations are never copied; removing them here also keeps their appearance out of the rasters.
            for (PDPage page : source.getPages()) {
                page.getCOSObject().removeItem(COSName.ANNOTS);
            }
            Set<Integer> raster = new java.util.TreeSet<>(boxes.keySet());
            byte[] copy = build(source, boxes, raster);
            if (leaks(copy, normalised)) {
                for (int i = 0; i < pages; i++) {
                    raster.add(i);
                }
                copy = build(source, boxes, raster);
                // Only our own page dictionaries, content streams and images are left: their text must be empty.
                if (leaksText(copy, normalised)) {
                    throw RedactionProblem.invalid(
                            "document", "could not be redacted safely: a term is still found after rasterising");
                }
            }
            return new Result(
                    copy, counts, pages, raster.stream().map(i -> i + 1).toList());
        } catch (IOException | RuntimeException e) {
            if (e instanceof RedactionProblem problem) {
                throw problem;
            }
            throw RedactionProblem.invalid(
                    "document",
                    "the PDF could not be processed (" + e.getClass().getSimpleName() + "); it may be damaged");
        }
    }

    /** Terms with white space collapsed, checked; the positions stay those of the request. */
    static List<String> validTerms(List<String> terms) {
        if (terms.size() > MAX_TERMS) {
            throw RedactionProblem.invalid("terms", "at most " + MAX_TERMS + " terms");
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = normalise(terms.get(i) == null ? "" : terms.get(i));
            if (term.length() < MIN_TERM_LENGTH || term.length() > MAX_TERM_LENGTH) {
                throw RedactionProblem.invalid(
                        "terms[" + i + "]",
                        "must be " + MIN_TERM_LENGTH + " to " + MAX_TERM_LENGTH + " characters (besides white space)");
            }
            result.add(term);
        }
        return result;
    }

    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static PDDocument load(byte[] original) {
        PDDocument document;
        try {
            document = Loader.loadPDF(original);
        } catch (InvalidPasswordException e) {
            throw RedactionProblem.invalid(
                    "document", "the PDF is protected by a password; upload an unprotected copy to redact it");
        } catch (IOException | RuntimeException e) {
            throw RedactionProblem.invalid("document", "is not a readable PDF");
        }
        if (document.isEncrypted()) {
            try {
                document.close();
            } catch (IOException ignored) {
                // nothing was written; the bytes are in memory
            }
            throw RedactionProblem.invalid(
                    "document", "the PDF is encrypted (has permissions set); upload an unencrypted copy to redact it");
        }
        return document;
    }

    /** Display size of a page: its crop box, turned by the page's rotation, in points. */
    private static float[] displaySize(PDPage page) {
        PDRectangle crop = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        boolean turned = rotation == 90 || rotation == 270;
        return turned
                ? new float[] {crop.getHeight(), crop.getWidth()}
                : new float[] {crop.getWidth(), crop.getHeight()};
    }

    private static void checkAreas(PDDocument source, List<Area> areas, Map<Integer, List<Rectangle2D>> boxes) {
        int pages = source.getNumberOfPages();
        for (int i = 0; i < areas.size(); i++) {
            Area a = areas.get(i);
            String field = "areas[" + i + "]";
            if (a.page() < 1 || a.page() > pages) {
                throw RedactionProblem.invalid(field + ".page", "the document has pages 1 to " + pages);
            }
            float[] size = displaySize(source.getPage(a.page() - 1));
            if (!(a.width() > 0) || !(a.height() > 0)) {
                throw RedactionProblem.invalid(field, "width and height must be greater than 0");
            }
            double tolerance = 0.5;
            if (!(a.x() >= 0)
                    || !(a.y() >= 0)
                    || a.x() + a.width() > size[0] + tolerance
                    || a.y() + a.height() > size[1] + tolerance) {
                throw RedactionProblem.invalid(
                        field,
                        String.format(
                                Locale.ROOT,
                                "lies off page %d, which is %.1f x %.1f points (origin top-left)",
                                a.page(),
                                size[0],
                                size[1]));
            }
            boxes.computeIfAbsent(a.page() - 1, k -> new ArrayList<>())
                    .add(new Rectangle2D.Double(a.x(), a.y(), a.width(), a.height()));
        }
    }

    /**
     * Finds every occurrence of every term, page by page, in two readings of the page — sorted by position (a line
     * drawn in pieces) and in drawing order (text drawn at an angle, which position sorting scatters over many lines)
     * — and adds a box per glyph of each. The count of a term on a page is the larger of the two readings'.
     */
    private static List<TermCount> find(PDDocument source, List<String> terms, Map<Integer, List<Rectangle2D>> boxes)
            throws IOException {
        List<TermCount> counts = new ArrayList<>();
        if (terms.isEmpty()) {
            return counts;
        }
        for (int p = 0; p < source.getNumberOfPages(); p++) {
            PDPage page = source.getPage(p);
            int[] found = new int[terms.size()];
            for (boolean sorted : new boolean[] {true, false}) {
                PageText text = PageText.of(source, p, sorted);
                for (int t = 0; t < terms.size(); t++) {
                    String term = compact(terms.get(t));
                    int count = 0;
                    int at = text.indexOf(term, 0);
                    while (at >= 0) {
                        count++;
                        for (int c = at; c < at + term.length(); c++) {
                            boxes.computeIfAbsent(p, k -> new ArrayList<>()).add(box(text.glyphs.get(c), page));
                        }
                        at = text.indexOf(term, at + 1);
                    }
                    found[t] = Math.max(found[t], count);
                }
            }
            for (int t = 0; t < terms.size(); t++) {
                if (found[t] > 0) {
                    counts.add(new TermCount(t, p + 1, found[t]));
                }
            }
        }
        return counts;
    }

    /**
     * The glyph's box in display coordinates (points, top-left origin, after the page's rotation): the glyph's advance
     * and a generous em above and below its baseline, in text space, through the glyph's text rendering matrix (so
     * turned and skewed text is covered), then turned like the page; the axis-parallel box around that.
     */
    static Rectangle2D box(TextPosition glyph, PDPage page) {
        Matrix trm = glyph.getTextMatrix();
        float scale = trm.getScalingFactorX();
        double advance = scale > 0 ? glyph.getWidthDirAdj() / scale : 0;
        if (!(advance > 0.05)) {
            advance = 0.6;
        }
        double[][] corners = {{-0.05, -0.35}, {advance + 0.05, -0.35}, {advance + 0.05, 1.15}, {-0.05, 1.15}};
        PDRectangle crop = page.getCropBox();
        int rotation = Math.floorMod(page.getRotation(), 360);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] corner : corners) {
            // PDFBox gives the matrix relative to the crop box's lower-left corner, y upwards.
            Point2D.Float user = trm.transformPoint((float) corner[0], (float) corner[1]);
            double[] d = display(user.x, user.y, crop.getWidth(), crop.getHeight(), rotation);
            minX = Math.min(minX, d[0]);
            minY = Math.min(minY, d[1]);
            maxX = Math.max(maxX, d[0]);
            maxY = Math.max(maxY, d[1]);
        }
        return new Rectangle2D.Double(minX - PAD, minY - PAD, maxX - minX + 2 * PAD, maxY - minY + 2 * PAD);
    }

    /** A point relative to the crop box (y up) as displayed: top-left origin, y down, turned clockwise by rotation. */
    static double[] display(double x, double y, double width, double height, int rotation) {
        return switch (rotation) {
            case 90 -> new double[] {y, x};
            case 180 -> new double[] {width - x, y};
            case 270 -> new double[] {height - y, width - x};
            default -> new double[] {x, height - y};
        };
    }

    private static byte[] build(PDDocument source, Map<Integer, List<Rectangle2D>> boxes, Set<Integer> raster)
            throws IOException {
        PDFRenderer renderer = new PDFRenderer(source);
        renderer.setSubsamplingAllowed(false);
        try (PDDocument out = new PDDocument()) {
            out.getDocument().setVersion(Math.max(1.4f, source.getVersion()));
            for (int p = 0; p < source.getNumberOfPages(); p++) {
                PDPage page = source.getPage(p);
                if (raster.contains(p)) {
                    out.addPage(rasterised(out, renderer, page, p, boxes.getOrDefault(p, List.of())));
                } else {
                    out.addPage(copied(page));
                }
            }
            var bytes = new ByteArrayOutputStream();
            out.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static PDPage rasterised(
            PDDocument out, PDFRenderer renderer, PDPage page, int index, List<Rectangle2D> marks) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(index, DPI, ImageType.RGB);
        float scale = DPI / 72f;
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            for (Rectangle2D r : marks) {
                int x = (int) Math.floor(r.getX() * scale);
                int y = (int) Math.floor(r.getY() * scale);
                int w = (int) Math.ceil((r.getX() + r.getWidth()) * scale) - x;
                int h = (int) Math.ceil((r.getY() + r.getHeight()) * scale) - y;
                g.fillRect(x, y, w, h);
            }
        } finally {
            g.dispose();
        }
        float[] size = displaySize(page);
        PDPage copy = new PDPage(new PDRectangle(size[0], size[1]));
        PDImageXObject pixels = LosslessFactory.createFromImage(out, image);
        try (var content = new PDPageContentStream(out, copy)) {
            content.drawImage(pixels, 0, 0, size[0], size[1]);
        }
        return copy;
    }

    /** A fresh page dictionary with the page's content, the resources it uses, its boxes and rotation; nothing else. */
    private static PDPage copied(PDPage page) throws IOException {
        COSDictionary dict = new COSDictionary();
        dict.setItem(COSName.TYPE, COSName.PAGE);
        dict.setItem(COSName.MEDIA_BOX, page.getMediaBox().getCOSArray());
        dict.setItem(COSName.CROP_BOX, page.getCropBox().getCOSArray());
        if (page.getRotation() != 0) {
            dict.setInt(COSName.ROTATE, page.getRotation());
        }
        COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (contents != null) {
            dict.setItem(COSName.CONTENTS, contents);
        }
        COSBase group = page.getCOSObject().getDictionaryObject(COSName.GROUP);
        if (group instanceof COSDictionary) {
            dict.setItem(COSName.GROUP, group);
        }
        PDResources resources = page.getResources();
        if (resources != null) {
            Set<String> used = new HashSet<>();
            usedNames(page, resources, used, new HashSet<>());
            dict.setItem(COSName.RESOURCES, pruned(resources.getCOSObject(), used));
        }
        return new PDPage(dict);
    }

    /**
     * Names of fonts and XObjects the content stream draws with, following form XObjects that take their resources
     * from the page. Unused entries of a resource dictionary shared by several pages (say, a form holding a redacted
     * passage of another page) must not ride along with an unredacted page.
     */
    private static void usedNames(PDContentStream stream, PDResources resources, Set<String> used, Set<COSBase> seen)
            throws IOException {
        List<Object> tokens = new PDFStreamParser(stream).parse();
        List<Object> operands = new ArrayList<>();
        for (Object token : tokens) {
            if (!(token instanceof Operator operator)) {
                operands.add(token);
                continue;
            }
            String op = operator.getName();
            if ((op.equals("Tf") || op.equals("Do")) && !operands.isEmpty() && operands.get(0) instanceof COSName n) {
                used.add((op.equals("Tf") ? "F:" : "X:") + n.getName());
                if (op.equals("Do")) {
                    COSBase x = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT) == null
                            ? null
                            : resources
                                    .getCOSObject()
                                    .getCOSDictionary(COSName.XOBJECT)
                                    .getDictionaryObject(n);
                    if (x instanceof COSStream form
                            && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))
                            && seen.add(form)) {
                        form.removeItem(COSName.METADATA);
                        form.removeItem(COSName.PIECE_INFO);
                        if (form.getDictionaryObject(COSName.RESOURCES) == null) {
                            usedNames(new PDFormXObject(form), resources, used, seen);
                        }
                    } else if (x instanceof COSStream image) {
                        image.removeItem(COSName.METADATA);
                        image.removeItem(COSName.PIECE_INFO);
                    }
                }
            }
            operands.clear();
        }
    }

    private static COSDictionary pruned(COSDictionary resources, Set<String> used) {
        COSDictionary result = new COSDictionary();
        for (Map.Entry<COSName, COSBase> entry : resources.entrySet()) {
            COSName key = entry.getKey();
            COSBase value = resources.getDictionaryObject(key);
            if ((key.equals(COSName.FONT) || key.equals(COSName.XOBJECT)) && value instanceof COSDictionary named) {
                String prefix = key.equals(COSName.FONT) ? "F:" : "X:";
                COSDictionary kept = new COSDictionary();
                for (COSName name : named.keySet()) {
                    if (used.contains(prefix + name.getName())) {
                        kept.setItem(name, named.getItem(name));
                    }
                }
                result.setItem(key, kept);
            } else if (value != null) {
                result.setItem(key, entry.getValue());
            }
        }
        return result;
    }

    // ---- the check of the copy ---------------------------------------------------------------------------------

    /**
     * Whether any term is still in the copy: page text, form XObject text, strings, names or decoded streams (font
     * programs and images excepted: binary data in which a short term turns up by chance). Errs towards "yes" — the
     * price is a copy rasterised throughout.
     */
    static boolean leaks(byte[] copy, List<String> terms) throws IOException {
        if (terms.isEmpty()) {
            return false;
        }
        if (leaksText(copy, terms)) {
            return true;
        }
        List<String> lower =
                terms.stream().map(t -> compact(t).toLowerCase(Locale.ROOT)).toList();
        try (PDDocument document = Loader.loadPDF(copy)) {
            List<COSStream> forms = new ArrayList<>();
            if (walk(document.getDocument().getTrailer(), lower, new IdentityHashMap<>(), forms, false)) {
                return true;
            }
            for (COSStream form : forms) {
                if (formText(form, terms)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any term is in the text of any page of the copy, read sorted by position and in drawing order. */
    static boolean leaksText(byte[] copy, List<String> terms) throws IOException {
        try (PDDocument document = Loader.loadPDF(copy)) {
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                for (boolean sorted : new boolean[] {true, false}) {
                    PageText text = PageText.of(document, p, sorted);
                    for (String term : terms) {
                        if (text.indexOf(compact(term), 0) >= 0) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean walk(
            @Nullable COSBase base,
            List<String> terms,
            IdentityHashMap<COSBase, Boolean> seen,
            List<COSStream> forms,
            boolean fontProgram)
            throws IOException {
        COSBase object = base instanceof COSObject indirect ? indirect.getObject() : base;
        if (object == null || seen.put(object, Boolean.TRUE) != null) {
            return false;
        }
        if (object instanceof COSString s) {
            return contains(s.getString(), terms)
                    || contains(new String(s.getBytes(), StandardCharsets.ISO_8859_1), terms);
        }
        if (object instanceof COSName n) {
            return contains(n.getName(), terms);
        }
        if (object instanceof COSArray array) {
            for (COSBase item : array) {
                if (walk(item, terms, seen, forms, false)) {
                    return true;
                }
            }
            return false;
        }
        if (object instanceof COSDictionary dict) {
            for (Map.Entry<COSName, COSBase> entry : dict.entrySet()) {
                COSName key = entry.getKey();
                boolean program = key.equals(COSName.FONT_FILE)
                        || key.equals(COSName.FONT_FILE2)
                        || key.equals(COSName.FONT_FILE3);
                if (contains(key.getName(), terms) || walk(entry.getValue(), terms, seen, forms, program)) {
                    return true;
                }
            }
            if (object instanceof COSStream stream
                    && !fontProgram
                    && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                if (COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    forms.add(stream);
                }
                byte[] decoded;
                try (InputStream in = stream.createInputStream()) {
                    decoded = in.readAllBytes();
                } catch (IOException e) {
                    return true; // cannot look inside: assume the worst
                }
                return contains(new String(decoded, StandardCharsets.ISO_8859_1), terms)
                        || contains(new String(decoded, StandardCharsets.UTF_16BE), terms)
                        || contains(new String(decoded, StandardCharsets.UTF_8), terms);
            }
        }
        return false;
    }

    private static boolean contains(String haystack, List<String> lowerTerms) {
        String h = compact(haystack).toLowerCase(Locale.ROOT);
        for (String term : lowerTerms) {
            if (h.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** Draws the form alone on a large scratch page and looks for the terms in its text. */
    private static boolean formText(COSStream form, List<String> terms) throws IOException {
        try (PDDocument scratch = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(-20000, -20000, 40000, 40000));
            scratch.addPage(page);
            PDResources resources = new PDResources();
            COSName name = resources.add(new PDFormXObject(form));
            page.setResources(resources);
            try (var content = new PDPageContentStream(scratch, page)) {
                content.drawForm((PDFormXObject) resources.getXObject(name));
            }
            for (boolean sorted : new boolean[] {true, false}) {
                PageText text = PageText.of(scratch, 0, sorted);
                for (String term : terms) {
                    if (text.indexOf(compact(term), 0) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The text without any white space: terms are matched on it, so spacing never hides an occurrence. */
    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /**
     * The text of one page as extraction sees it, without white space, with each character's glyph, so a found term
     * can be located on the page.
     */
    static final class PageText extends PDFTextStripper {

        final StringBuilder text = new StringBuilder();
        final List<TextPosition> glyphs = new ArrayList<>();

        private PageText(boolean sorted) {
            setSortByPosition(sorted);
        }

        static PageText of(PDDocument document, int pageIndex, boolean sorted) throws IOException {
            PageText stripper = new PageText(sorted);
            stripper.setStartPage(pageIndex + 1);
            stripper.setEndPage(pageIndex + 1);
            stripper.getText(document);
            return stripper;
        }

        /** Case-insensitive search of a compacted term. */
        int indexOf(String term, int from) {
            if (term.isEmpty()) {
                return -1;
            }
            String s = text.toString();
            for (int i = Math.max(0, from); i + term.length() <= s.length(); i++) {
                if (s.regionMatches(true, i, term, 0, term.length())) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        protected void writeString(String ignored, List<TextPosition> positions) {
            for (TextPosition glyph : positions) {
                String unicode = glyph.getUnicode();
                if (unicode == null) {
                    continue;
                }
                for (int i = 0; i < unicode.length(); i++) {
                    char c = unicode.charAt(i);
                    if (!Character.isWhitespace(c)) {
                        text.append(c);
                        glyphs.add(glyph);
                    }
                }
            }
        }

        @Override
        protected void writeWordSeparator() {}

        @Override
        protected void writeLineSeparator() {}
    }
}
