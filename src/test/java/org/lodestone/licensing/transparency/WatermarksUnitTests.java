package org.lodestone.licensing.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Watermarks read back (#6): a PDF carries the line visibly on every page, the same as invisible text (found by text
 * extraction even where the visible line is cropped away), in the document information and in XMP; PNG and JPEG carry
 * it drawn into the pixels and in a tEXt/iTXt chunk or a COM segment. Damaged content is not stamped and says why.
 */
class WatermarksUnitTests {

    private static final Watermark MARK = new Watermark(
            "Wang Lei 王磊",
            "reviewer",
            "Jiangxi Bureau",
            Instant.parse("2026-11-22T10:15:30.123Z"),
            "EL-2026-000042",
            "ABCDEF0123456789");

    @Test
    void pdfCarriesTheMarkOnEveryPageAndInItsMetadata() throws IOException {
        byte[] original = twoPages();
        var copy = Watermarks.stamp(new ByteArrayInputStream(original), "application/pdf", MARK);
        try (PDDocument pdf = Loader.loadPDF(copy.file().toFile())) {
            assertThat(copy.failure()).isNull();
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            for (int page = 1; page <= 2; page++) {
                var stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text)
                        .as("page " + page)
                        .contains("page " + page + " body")
                        .contains("Viewed by Wang Lei ?? (reviewer), Jiangxi Bureau, 2026-11-22T10:15:30Z, case "
                                + "EL-2026-000042, trace ABCDEF0123456789")
                        .contains("Lodestone watermark: Viewed by");
            }
            var info = pdf.getDocumentInformation();
            assertThat(info.getCustomMetadataValue("LodestoneTrace")).isEqualTo("ABCDEF0123456789");
            assertThat(info.getCustomMetadataValue("LodestoneViewer")).isEqualTo("Wang Lei 王磊 (reviewer)");
            assertThat(info.getCustomMetadataValue("LodestoneCase")).isEqualTo("EL-2026-000042");
            assertThat(info.getCustomMetadataValue("LodestoneTime")).isEqualTo("2026-11-22T10:15:30Z");
            assertThat(info.getCustomMetadataValue("LodestoneOrganisation")).isEqualTo("Jiangxi Bureau");
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp)
                    .contains(Watermarks.XMP_NAMESPACE)
                    .contains("<lodestone:trace>ABCDEF0123456789</lodestone:trace>")
                    .contains("王磊");
        } finally {
            Files.deleteIfExists(copy.file());
        }
    }

    @Test
    void invisibleMarkSurvivesCroppingTheVisibleLineAway() throws IOException {
        var copy = Watermarks.stamp(new ByteArrayInputStream(twoPages()), "application/pdf", MARK);
        try (PDDocument pdf = Loader.loadPDF(copy.file().toFile())) {
            // the text of the page without its bottom 40 points, where the visible stamp is
            var area = new org.apache.pdfbox.text.PDFTextStripperByArea();
            area.addRegion("kept", new java.awt.geom.Rectangle2D.Float(0, 0, 612, 752));
            area.extractRegions(pdf.getPage(0));
            assertThat(area.getTextForRegion("kept"))
                    .contains("trace ABCDEF0123456789")
                    .contains("page 1 body");
        } finally {
            Files.deleteIfExists(copy.file());
        }
    }

    @Test
    void pngCarriesTheMarkInPixelsAndTextChunks() throws IOException {
        byte[] original = picture("png");
        var copy = Watermarks.stamp(new ByteArrayInputStream(original), "image/png", MARK);
        try {
            assertThat(copy.failure()).isNull();
            BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
            BufferedImage after = ImageIO.read(copy.file().toFile());
            assertThat(after.getWidth()).isEqualTo(before.getWidth());
            assertThat(changedPixels(before, after, after.getHeight() - 30, after.getHeight()))
                    .as("the band at the bottom is drawn")
                    .isGreaterThan(1000);
            assertThat(changedPixels(before, after, 0, 100))
                    .as("the picture above is untouched")
                    .isZero();
            List<String> texts = texts(Files.readAllBytes(copy.file()), "javax_imageio_png_1.0");
            assertThat(texts).contains("LodestoneTrace=ABCDEF0123456789");
            assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("LodestoneWatermark=Viewed by Wang Lei 王磊"));
        } finally {
            Files.deleteIfExists(copy.file());
        }
    }

    @Test
    void jpegCarriesTheMarkInPixelsAndAComment() throws IOException {
        byte[] original = picture("jpeg");
        var copy = Watermarks.stamp(new ByteArrayInputStream(original), "image/jpeg", MARK);
        try {
            assertThat(copy.failure()).isNull();
            BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
            BufferedImage after = ImageIO.read(copy.file().toFile());
            assertThat(changedPixels(before, after, after.getHeight() - 30, after.getHeight()))
                    .isGreaterThan(1000);
            assertThat(texts(Files.readAllBytes(copy.file()), "javax_imageio_jpeg_image_1.0"))
                    .anySatisfy(t -> assertThat(t)
                            .contains("Lodestone watermark: Viewed by Wang Lei ?? (reviewer)")
                            .contains("trace ABCDEF0123456789"));
        } finally {
            Files.deleteIfExists(copy.file());
        }
    }

    @Test
    void damagedContentIsNotStampedAndSaysWhy() throws IOException {
        byte[] damaged = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);
        var copy = Watermarks.stamp(new ByteArrayInputStream(damaged), "application/pdf", MARK);
        try {
            assertThat(copy.failure()).isNotBlank();
            assertThat(Files.readAllBytes(copy.file())).isEqualTo(damaged);
        } finally {
            Files.deleteIfExists(copy.file());
        }
    }

    @Test
    void onlyPdfPngAndJpegCarryAMark() {
        assertThat(Watermarks.supports("application/pdf")).isTrue();
        assertThat(Watermarks.supports("image/png")).isTrue();
        assertThat(Watermarks.supports("image/jpeg")).isTrue();
        assertThat(Watermarks.supports("video/mp4")).isFalse();
        assertThat(Watermarks.kind("application/zip")).isEqualTo("none");
    }

    static byte[] twoPages() throws IOException {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            for (int n = 1; n <= 2; n++) {
                var page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(
                            new org.apache.pdfbox.pdmodel.font.PDType1Font(
                                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                            12);
                    content.newLineAtOffset(72, 400);
                    content.showText("page " + n + " body");
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] picture(String format) throws IOException {
        var image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) {
                image.setRGB(x, y, 0x3060A0);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static int changedPixels(BufferedImage a, BufferedImage b, int fromY, int toY) {
        int changed = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int diff = Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff))
                        + Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
                if (diff > 40) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** "keyword=text" of PNG text chunks, or the comments of a JPEG. */
    static List<String> texts(byte[] image, String format) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node root = metadata.getAsTree(format);
            var found = new ArrayList<String>();
            collect(root, found);
            reader.dispose();
            return found;
        }
    }

    private static void collect(Node node, List<String> found) {
        if (node instanceof Element e) {
            switch (e.getNodeName()) {
                case "tEXtEntry" -> found.add(e.getAttribute("keyword") + "=" + e.getAttribute("value"));
                case "iTXtEntry" -> found.add(e.getAttribute("keyword") + "=" + e.getAttribute("text"));
                case "com" -> found.add(e.getAttribute("comment"));
                default -> {}
            }
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            collect(children.item(i), found);
        }
    }
}
