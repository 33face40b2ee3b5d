package org.lodestone.licensing.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** #6: the redacted copy holds the marked content in no form — text, streams, metadata, pixels. */
class PdfRedactorUnitTests {

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final String SECRET = "Zircon Holdings";

    @Test
    void a_term_is_gone_from_every_page_it_is_on_and_other_pages_keep_their_text() throws IOException {
        byte[] original = pdf(doc -> {
            page(doc, "Supplier: Zircon Holdings Ltd", "Second mention: ZIRCON   holdings, Ganzhou");
            page(doc, "Page two keeps its selectable text", "nothing secret here");
            page(doc, "Third page names Zircon Holdings once", "and a public line");
        });
        assertThat(everything(original)).contains(SECRET); // the check below can fail

        var result = PdfRedactor.redact(original, List.of("zircon holdings"), List.of());

        assertThat(result.counts()).containsExactly(new TermCount(0, 1, 2), new TermCount(0, 3, 1));
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.rasterised()).containsExactly(1, 3);
        assertThat(textOf(result.pdf()).toLowerCase(Locale.ROOT)).doesNotContain("zircon");
        assertThat(everything(result.pdf()).toLowerCase(Locale.ROOT)).doesNotContain("zircon");
        try (PDDocument copy = Loader.loadPDF(result.pdf())) {
            assertThat(pageText(copy, 2)).contains("Page two keeps its selectable text");
            assertThat(pageText(copy, 1)).isBlank(); // a rasterised page has no text layer left
            assertThat(copy.getNumberOfPages()).isEqualTo(3);
        }
    }

    @Test
    void a_term_split_by_kerning_in_the_content_stream_is_still_found() throws IOException {
        byte[] original = pdf(doc -> {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (var content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(HELVETICA, 12);
                content.newLineAtOffset(72, 700);
                content.showTextWithPositioning(new Object[] {"Zir", -15f, "con Hold", 10f, "ings"});
                content.endText();
            }
        });
        var result = PdfRedactor.redact(original, List.of(SECRET), List.of());

        assertThat(result.counts()).containsExactly(new TermCount(0, 1, 1));
        assertThat(everything(result.pdf()).toLowerCase(Locale.ROOT)).doesNotContain("zir");
    }

    @Test
    void metadata_annotations_outlines_attachments_forms_and_javascript_are_dropped() throws IOException {
        byte[] original = pdf(doc -> {
            page(doc, "Visible page one with nothing secret", "public");
            PDPage second = page(doc, "Page two, public as well", "public");
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Contract with " + SECRET);
            info.setKeywords(SECRET);
            info.setCustomMetadataValue("Customer", SECRET);
            info.setCreationDate(Calendar.getInstance());
            var xmp = new PDMetadata(doc);
            xmp.importXMPMetadata(("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf="
                            + "'http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description dc:creator='"
                            + SECRET + "' xmlns:dc='http://purl.org/dc/elements/1.1/'/></rdf:RDF></x:xmpmeta>")
                    .getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(xmp);
            var note = new PDAnnotationText();
            note.setContents("Call " + SECRET + " first");
            note.setRectangle(new PDRectangle(100, 100, 20, 20));
            second.getAnnotations().add(note);
            var outline = new PDDocumentOutline();
            var item = new PDOutlineItem();
            item.setTitle(SECRET + " chapter");
            item.setDestination(second);
            outline.addLast(item);
            doc.getDocumentCatalog().setDocumentOutline(outline);
            var names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            var spec = new PDComplexFileSpecification();
            spec.setFile("customers.txt");
            spec.setEmbeddedFile(
                    new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(("customer list: " + SECRET).getBytes())));
            var files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("customers.txt", spec));
            names.setEmbeddedFiles(files);
            var scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('" + SECRET + "')")));
            names.setJavascript(scripts);
            doc.getDocumentCatalog().setNames(names);
            var form = new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(doc);
            var field = new org.apache.pdfbox.pdmodel.interactive.form.PDTextField(form);
            field.setPartialName("customer");
            field.getCOSObject().setString(COSName.V, SECRET);
            form.getFields().add(field);
            doc.getDocumentCatalog().setAcroForm(form);
        });
        assertThat(everything(original)).contains(SECRET);

        var result = PdfRedactor.redact(original, List.of(SECRET), List.of());

        assertThat(result.counts()).isEmpty(); // not on any page: nothing to black out, yet it is gone
        assertThat(result.rasterised()).isEmpty();
        assertThat(everything(result.pdf()).toLowerCase(Locale.ROOT)).doesNotContain("zircon");
        try (PDDocument copy = Loader.loadPDF(result.pdf())) {
            assertThat(pageText(copy, 1)).contains("Visible page one");
            assertThat(copy.getDocumentCatalog().getMetadata()).isNull();
            assertThat(copy.getDocumentCatalog().getDocumentOutline()).isNull();
            assertThat(copy.getDocumentCatalog().getNames()).isNull();
            assertThat(copy.getDocumentCatalog().getAcroForm(null)).isNull();
            assertThat(copy.getPage(1).getAnnotations()).isEmpty();
            assertThat(copy.getDocumentInformation().getTitle()).isNull();
        }
    }

    @Test
    void a_secret_in_a_resource_shared_with_an_unredacted_page_does_not_ride_along() throws IOException {
        byte[] original = pdf(doc -> {
            var stamp = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(doc);
            stamp.setBBox(new PDRectangle(0, 0, 400, 40));
            stamp.setResources(new PDResources());
            try (var content = new PDPageContentStream(doc, stamp)) {
                content.beginText();
                content.setFont(HELVETICA, 12);
                content.newLineAtOffset(5, 10);
                content.showText("Ship to " + SECRET);
                content.endText();
            }
            PDResources shared = new PDResources();
            COSName fontName = shared.add(HELVETICA);
            COSName stampName = shared.add(stamp);
            for (int i = 0; i < 2; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setResources(shared);
                doc.addPage(page);
                try (var content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(shared.getFont(fontName), 12);
                    content.newLineAtOffset(72, 760);
                    content.showText(i == 0 ? "Page one shows the stamp" : "Page two only has this line");
                    content.endText();
                    if (i == 0) {
                        content.saveGraphicsState();
                        content.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(72, 600));
                        content.drawForm((PDFormXObject) shared.getXObject(stampName));
                        content.restoreGraphicsState();
                    }
                }
            }
        });

        var result = PdfRedactor.redact(original, List.of(SECRET), List.of());

        assertThat(result.counts()).containsExactly(new TermCount(0, 1, 1));
        assertThat(everything(result.pdf()).toLowerCase(Locale.ROOT)).doesNotContain("zircon");
        try (PDDocument copy = Loader.loadPDF(result.pdf())) {
            assertThat(pageText(copy, 2)).contains("Page two only has this line");
        }
    }

    @Test
    void an_area_is_black_in_the_pixels_and_what_lies_outside_stays() throws IOException {
        byte[] original = pdf(doc -> {
            PDPage page = new PDPage(PDRectangle.A4); // 595 x 842 points
            doc.addPage(page);
            try (var content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(HELVETICA, 24);
                content.newLineAtOffset(72, 842 - 120); // baseline 120 points below the top
                content.showText("CONFIDENTIAL-PRICE 1234");
                content.newLineAtOffset(0, -300); // baseline 420 points below the top
                content.showText("PUBLIC PART STAYS");
                content.endText();
            }
            page(doc, "Second page untouched", "text");
        });
        // Top-left origin: the first line's glyphs lie about 100..125 points from the top.
        Area box = new Area(1, 60, 90, 400, 45);

        var result = PdfRedactor.redact(original, List.of(), List.of(box));

        assertThat(result.rasterised()).containsExactly(1);
        try (PDDocument copy = Loader.loadPDF(result.pdf())) {
            BufferedImage pixels = new PDFRenderer(copy).renderImageWithDPI(0, 72);
            for (int x = 62; x < 458; x += 7) {
                for (int y = 92; y < 133; y += 5) {
                    assertThat(pixels.getRGB(x, y) & 0xffffff)
                            .as("(%d,%d) inside the box", x, y)
                            .isZero();
                }
            }
            assertThat(darkPixels(pixels, 72, 400, 300, 26))
                    .as("the public line is still drawn")
                    .isGreaterThan(50);
            assertThat(pixels.getRGB(300, 300) & 0xffffff)
                    .as("blank paper stays white")
                    .isEqualTo(0xffffff);
            assertThat(pixels.getRGB(20, 20) & 0xffffff).isEqualTo(0xffffff);
            assertThat(pageText(copy, 1)).doesNotContain("CONFIDENTIAL");
            assertThat(pageText(copy, 2)).contains("Second page untouched");
        }
        assertThat(everything(result.pdf())).doesNotContain("CONFIDENTIAL");
    }

    @Test
    void a_term_found_on_a_page_is_black_where_it_was_drawn() throws IOException {
        byte[] original = pdf(doc -> page(doc, "Zircon Holdings", "keep this"));
        var result = PdfRedactor.redact(original, List.of(SECRET), List.of());
        try (PDDocument copy = Loader.loadPDF(result.pdf())) {
            BufferedImage pixels = new PDFRenderer(copy).renderImageWithDPI(0, 72);
            // page(...) draws its first line at x 72, baseline 760 points from the bottom (82 from the top)
            assertThat(pixels.getRGB(80, 78) & 0xffffff).isZero();
            assertThat(pixels.getRGB(140, 78) & 0xffffff).isZero();
            assertThat(darkPixels(pixels, 72, 90, 80, 14)).as("the second line").isGreaterThan(10);
        }
    }

    /** Whatever the page's rotation or the text's direction, every pixel the term drew is black in the copy. */
    @org.junit.jupiter.params.ParameterizedTest(name = "page rotated {0}, text turned {1}, crop box moved {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "0,0,false",
        "90,0,false",
        "180,0,false",
        "270,0,false",
        "0,90,false",
        "0,45,false",
        "90,30,false",
        "0,0,true",
        "90,0,true",
        "270,45,true"
    })
    void the_pixels_of_a_found_term_are_black_on_turned_pages_and_turned_text(
            int rotation, int textAngle, boolean offsetCropBox) throws IOException {
        byte[] original = pdf(doc -> {
            PDPage page = new PDPage(new PDRectangle(400, 300));
            if (offsetCropBox) {
                page.setCropBox(new PDRectangle(50, 40, 330, 250));
            }
            page.setRotation(rotation);
            doc.addPage(page);
            try (var content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(HELVETICA, 18);
                content.setTextMatrix(
                        org.apache.pdfbox.util.Matrix.getRotateInstance(Math.toRadians(textAngle), 120, 130));
                content.showText(SECRET);
                content.endText();
            }
        });
        BufferedImage before;
        try (PDDocument doc = Loader.loadPDF(original)) {
            before = new PDFRenderer(doc).renderImageWithDPI(0, 72);
        }
        var result = PdfRedactor.redact(original, List.of(SECRET), List.of());
        assertThat(result.counts()).containsExactly(new TermCount(0, 1, 1));
        try (PDDocument copy = Loader.loadPDF(result.pdf())) {
            BufferedImage after = new PDFRenderer(copy).renderImageWithDPI(0, 72);
            assertThat(after.getWidth()).isEqualTo(before.getWidth());
            assertThat(after.getHeight()).isEqualTo(before.getHeight());
            int inked = 0;
            for (int x = 0; x < before.getWidth(); x++) {
                for (int y = 0; y < before.getHeight(); y++) {
                    if ((before.getRGB(x, y) & 0xff) < 200) {
                        inked++;
                        assertThat(after.getRGB(x, y) & 0xffffff)
                                .as("pixel (%d,%d) the term drew", x, y)
                                .isLessThan(0x303030);
                    }
                }
            }
            assertThat(inked).as("the term drew something").isGreaterThan(100);
        }
    }

    @Test
    void an_earlier_revision_kept_by_an_incremental_update_is_not_carried_over() throws IOException {
        byte[] first = pdf(doc -> {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (var content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(HELVETICA, 12);
                content.newLineAtOffset(72, 760);
                content.showText("Draft naming " + SECRET);
                content.endText();
            }
        });
        byte[] updated;
        try (PDDocument doc = Loader.loadPDF(first)) {
            PDPage page = doc.getPage(0);
            try (var content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(HELVETICA, 12);
                content.newLineAtOffset(72, 760);
                content.showText("A clean final page");
                content.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            var out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            updated = out.toByteArray();
        }
        assertThat(new String(updated, StandardCharsets.ISO_8859_1))
                .as("the earlier revision is still in the file")
                .contains(SECRET);
        assertThat(textOf(updated)).doesNotContain(SECRET);

        var result = PdfRedactor.redact(updated, List.of(SECRET), List.of());

        assertThat(result.counts()).isEmpty();
        assertThat(everything(result.pdf())).doesNotContain(SECRET).contains("A clean final page");
    }

    /** A term that is also a word of PDF's own syntax (/Type, /Font) costs the copy its text, not the redaction. */
    @Test
    void a_term_that_is_also_pdf_syntax_rasterises_everything_rather_than_failing() throws IOException {
        byte[] original = pdf(doc -> {
            page(doc, "Magnet of Type A", "x");
            page(doc, "second page", "y");
        });
        var result = PdfRedactor.redact(original, List.of("type"), List.of());
        assertThat(result.counts()).containsExactly(new TermCount(0, 1, 1));
        assertThat(result.rasterised()).containsExactly(1, 2);
        assertThat(textOf(result.pdf())).isBlank();
    }

    @Test
    void images_on_unmarked_pages_stay() throws IOException {
        byte[] original = pdf(doc -> {
            page(doc, "Supplier " + SECRET, "x");
            PDPage second = page(doc, "A photo of the line", "y");
            BufferedImage photo = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            photo.setRGB(5, 5, 0x00ff00);
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, photo);
            try (var content = new PDPageContentStream(doc, second, PDPageContentStream.AppendMode.APPEND, true)) {
                content.drawImage(image, 100, 100, 40, 30);
            }
        });
        var result = PdfRedactor.redact(original, List.of(SECRET), List.of());
        assertThat(result.rasterised()).containsExactly(1);
        try (PDDocument copy = Loader.loadPDF(result.pdf())) {
            var names = copy.getPage(1).getResources().getXObjectNames();
            assertThat(names).hasSize(1);
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject)
                    copy.getPage(1).getResources().getXObject(names.iterator().next());
            assertThat(image.getWidth()).isEqualTo(40);
            assertThat(image.getImage().getRGB(5, 5) & 0xffffff).isEqualTo(0x00ff00);
            assertThat(pageText(copy, 2)).contains("A photo of the line");
        }
    }

    @Test
    void boxes_off_the_page_and_bad_terms_are_refused_naming_the_field() throws IOException {
        byte[] original = pdf(doc -> page(doc, "text", "more"));
        assertProblem(
                () -> PdfRedactor.redact(original, List.of(), List.of(new Area(1, 500, 10, 200, 10))), "areas[0]");
        assertProblem(() -> PdfRedactor.redact(original, List.of(), List.of(new Area(1, -1, 10, 20, 10))), "areas[0]");
        assertProblem(
                () -> PdfRedactor.redact(
                        original, List.of(), List.of(new Area(1, 1, 1, 5, 5), new Area(1, 10, 800, 20, 60))),
                "areas[1]");
        assertProblem(() -> PdfRedactor.redact(original, List.of(), List.of(new Area(2, 1, 1, 5, 5))), "areas[0].page");
        assertProblem(() -> PdfRedactor.redact(original, List.of(), List.of(new Area(1, 1, 1, 0, 5))), "areas[0]");
        assertProblem(() -> PdfRedactor.redact(original, List.of("ok term", " x "), List.of()), "terms[1]");
        assertProblem(() -> PdfRedactor.redact(original, List.of(), List.of()), "terms");
    }

    @Test
    void malformed_encrypted_and_non_pdf_documents_are_refused_naming_the_document() throws IOException {
        byte[] random = new byte[4096];
        new Random(6).nextBytes(random);
        assertProblem(() -> PdfRedactor.redact(random, List.of(SECRET), List.of()), "document");
        assertProblem(
                () -> PdfRedactor.redact("%PDF-1.7\n1 0 obj <<".getBytes(), List.of(SECRET), List.of()), "document");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        assertProblem(() -> PdfRedactor.redact(png, List.of(SECRET), List.of()), "document");

        byte[] withPassword = pdf(doc -> {
            page(doc, SECRET, "x");
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
        });
        assertThat(assertProblem(() -> PdfRedactor.redact(withPassword, List.of(SECRET), List.of()), "document")
                        .reason())
                .contains("password");
        byte[] ownerOnly = pdf(doc -> {
            page(doc, SECRET, "x");
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            doc.protect(new StandardProtectionPolicy("owner", "", permissions));
        });
        assertThat(assertProblem(() -> PdfRedactor.redact(ownerOnly, List.of(SECRET), List.of()), "document")
                        .reason())
                .contains("encrypted");
    }

    @Test
    void the_check_of_the_copy_sees_a_term_in_any_stream() throws IOException {
        byte[] plain = pdf(doc -> page(doc, "Supplier " + SECRET, "x"));
        assertThat(PdfRedactor.leaks(plain, List.of(SECRET))).isTrue();
        assertThat(PdfRedactor.leaks(plain, List.of("not there"))).isFalse();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    interface Builder {
        void build(PDDocument doc) throws IOException;
    }

    private static byte[] pdf(Builder builder) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            builder.build(doc);
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static PDPage page(PDDocument doc, String first, String second) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (var content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(HELVETICA, 12);
            content.newLineAtOffset(72, 760);
            content.showText(first);
            content.newLineAtOffset(0, -20);
            content.showText(second);
            content.endText();
        }
        return page;
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String pageText(PDDocument doc, int page) throws IOException {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    /**
     * The raw file, every object in the cross-reference table and every object reachable from the trailer, with every
     * stream decoded, as one string — what anyone with the file could read out of it.
     */
    private static String everything(byte[] pdf) throws IOException {
        var all = new StringBuilder(new String(pdf, StandardCharsets.ISO_8859_1));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var seen = new IdentityHashMap<COSBase, Boolean>();
            for (COSObjectKey key :
                    new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
                dump(doc.getDocument().getObjectFromPool(key), all, seen);
            }
            dump(doc.getDocument().getTrailer(), all, seen);
            all.append(new PDFTextStripper().getText(doc));
        }
        return all.toString().replaceAll("\\s+", " ");
    }

    private static void dump(COSBase base, StringBuilder all, IdentityHashMap<COSBase, Boolean> seen)
            throws IOException {
        COSBase object = base instanceof COSObject o ? o.getObject() : base;
        if (object == null || seen.put(object, true) != null) {
            return;
        }
        if (object instanceof COSString s) {
            all.append(' ').append(s.getString());
        } else if (object instanceof COSName n) {
            all.append(' ').append(n.getName());
        } else if (object instanceof COSArray array) {
            for (COSBase item : array) {
                dump(item, all, seen);
            }
        } else if (object instanceof COSDictionary dict) {
            for (var entry : dict.entrySet()) {
                all.append(' ').append(entry.getKey().getName());
                dump(entry.getValue(), all, seen);
            }
            if (object instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    byte[] decoded = in.readAllBytes();
                    all.append(' ').append(new String(decoded, StandardCharsets.ISO_8859_1));
                    all.append(' ').append(new String(decoded, StandardCharsets.UTF_16BE));
                }
            }
        }
    }

    private static int darkPixels(BufferedImage image, int x, int y, int width, int height) {
        int dark = 0;
        for (int i = x; i < x + width; i++) {
            for (int j = y; j < y + height; j++) {
                int rgb = image.getRGB(i, j);
                if (((rgb >> 16) & 0xff) < 128 && ((rgb >> 8) & 0xff) < 128 && (rgb & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static RedactionProblem assertProblem(Runnable call, String field) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(RedactionProblem.class, call::run);
        assertThat(thrown).as("a RedactionProblem naming %s", field).isNotNull();
        assertThat(thrown.field()).isEqualTo(field);
        assertThat(thrown.getStatusCode().value()).isEqualTo(422);
        assertThatThrownBy(() -> {
                    throw thrown;
                })
                .isInstanceOf(RedactionProblem.class);
        return thrown;
    }
}
