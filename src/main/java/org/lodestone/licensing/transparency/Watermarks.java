package org.lodestone.licensing.transparency;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Node;

/**
 * Stamps a downloaded copy (#6). PDF: a visible line on every page (viewer, organisation, UTC time, case, trace id), the
 * same as invisible text at the top of every page (found by text extraction and copy-paste even when the visible line
 * is cropped away), custom document-information entries and an XMP description. PNG: the line drawn into the image
 * plus {@code tEXt}/{@code iTXt} chunks; JPEG: the line plus a {@code COM} segment. Content is spooled to temporary
 * files, never held whole in memory by us (PDFBox caches its objects in a temporary file too); an image is decoded into
 * memory, so images above {@link #MAX_PIXELS} are not stamped. Anything else is not stamped: {@link #supports} says
 * which up front so the audit entry can say so. Guarded by {@code WatermarksTests} and {@code DocumentPurposeTests}.
 */
public final class Watermarks {

    /** 40 megapixels: about 160 MB decoded; larger images go out unstamped, and the audit says so. */
    static final long MAX_PIXELS = 40_000_000L;

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    /** Namespace of the XMP description; a URN, as no web page stands behind it. */
    static final String XMP_NAMESPACE = "urn:lodestone:watermark:1.0#";

    private Watermarks() {}

    /** What kind of mark a content type gets: "PDF stamp", "image stamp", or "none". */
    public static String kind(String contentType) {
        return switch (contentType) {
            case PDF -> "PDF stamp";
            case PNG, JPEG -> "image stamp";
            default -> "none";
        };
    }

    public static boolean supports(String contentType) {
        return !kind(contentType).equals("none");
    }

    /** A copy to send: stamped, or the original bytes with the reason it could not be stamped. */
    public record Copy(Path file, @Nullable String failure) {}

    /**
     * Spools {@code content} to a temporary file and writes the stamped copy to another; the caller sends and deletes
     * {@link Copy#file()}. If the content cannot be stamped (not readable as its type, e.g. damaged or protected by a
     * password, or too large), the copy is the original bytes and {@link Copy#failure()} says why. The input stream is
     * read to its end but not closed.
     */
    public static Copy stamp(InputStream content, String contentType, Watermark mark) throws IOException {
        Path in = Files.createTempFile("lodestone-mark-in", ".bin");
        try {
            Files.copy(content, in, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(in);
            throw e;
        }
        Path out = Files.createTempFile("lodestone-mark-out", ".bin");
        try {
            switch (contentType) {
                case PDF -> stampPdf(in, out, mark);
                case PNG -> stampImage(in, out, "png", mark);
                case JPEG -> stampImage(in, out, "jpeg", mark);
                default -> throw new IOException("no watermark for " + contentType);
            }
            Files.delete(in);
            return new Copy(out, null);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            return new Copy(in, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    // ---- PDF --------------------------------------------------------------------------------------------------------

    static void stampPdf(Path in, Path out, Watermark mark) throws IOException {
        try (PDDocument document = Loader.loadPDF(in.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                // Opened with the empty user password (permissions only); the stamped copy is saved without them.
                document.setAllSecurityToBeRemoved(true);
            }
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            String visible = winAnsi(mark.text());
            String hidden = winAnsi("Lodestone watermark: " + mark.text());
            var translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(0.8f);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getCropBox();
                float size = Math.max(5f, Math.min(8f, box.getWidth() / (visible.length() * 0.5f)));
                try (var stream =
                        new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream.setGraphicsStateParameters(translucent);
                    stream.setNonStrokingColor(new Color(0xB0, 0x00, 0x20));
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(box.getLowerLeftX() + 12, box.getLowerLeftY() + 8);
                    stream.showText(visible);
                    stream.endText();
                    stream.beginText();
                    stream.setRenderingMode(RenderingMode.NEITHER);
                    stream.setFont(font, 4);
                    stream.newLineAtOffset(box.getLowerLeftX() + 12, box.getUpperRightY() - 6);
                    stream.showText(hidden);
                    stream.endText();
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCustomMetadataValue("LodestoneViewer", mark.viewerName() + " (" + mark.viewerUsername() + ")");
            info.setCustomMetadataValue("LodestoneOrganisation", mark.organisation());
            info.setCustomMetadataValue("LodestoneTime", mark.timestamp());
            info.setCustomMetadataValue("LodestoneCase", mark.caseReference());
            info.setCustomMetadataValue("LodestoneTrace", mark.traceId());
            document.setDocumentInformation(info);
            xmp(document, mark);
            document.save(out.toFile());
        }
    }

    /** Adds our description to the document's XMP packet, or writes a packet with it alone. */
    private static void xmp(PDDocument document, Watermark mark) throws IOException {
        String description = "<rdf:Description rdf:about=\"\" xmlns:lodestone=\"" + XMP_NAMESPACE + "\">"
                + "<lodestone:viewer>" + xml(mark.viewerName() + " (" + mark.viewerUsername() + ")")
                + "</lodestone:viewer>" + "<lodestone:organisation>" + xml(mark.organisation())
                + "</lodestone:organisation>" + "<lodestone:time>" + mark.timestamp() + "</lodestone:time>"
                + "<lodestone:case>" + xml(mark.caseReference()) + "</lodestone:case>" + "<lodestone:trace>"
                + xml(mark.traceId()) + "</lodestone:trace></rdf:Description>";
        PDMetadata existing = document.getDocumentCatalog().getMetadata();
        String packet = null;
        if (existing != null) {
            try (InputStream in = existing.exportXMPMetadata()) {
                String old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int end = old.lastIndexOf("</rdf:RDF>");
                if (end >= 0) {
                    packet = old.substring(0, end) + description + old.substring(end);
                }
            }
        }
        if (packet == null) {
            packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                    + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                    + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" + description
                    + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        }
        var metadata = new PDMetadata(document);
        metadata.importXMPMetadata(packet.getBytes(StandardCharsets.UTF_8));
        metadata.getCOSObject().setName(COSName.SUBTYPE, "XML");
        document.getDocumentCatalog().setMetadata(metadata);
    }

    // ---- images -----------------------------------------------------------------------------------------------------

    static void stampImage(Path in, Path out, String format, Watermark mark) throws IOException {
        BufferedImage source = readBounded(in);
        boolean alpha = format.equals("png") && source.getColorModel().hasAlpha();
        var image = new BufferedImage(
                source.getWidth(),
                source.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int size = Math.max(9, Math.min(28, image.getWidth() / 60));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            int band = size * 2;
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
            g.setColor(Color.BLACK);
            g.fillRect(0, image.getHeight() - band, image.getWidth(), band);
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(Color.WHITE);
            g.drawString(mark.text(), 4, image.getHeight() - band / 2 + size / 3);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (OutputStream file = Files.newOutputStream(out);
                ImageOutputStream target = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(target);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (format.equals("png")) {
                pngText(metadata, mark);
            } else {
                jpegComment(metadata, mark);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage readBounded(Path in) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (stream == null || !readers.hasNext()) {
                throw new IOException("not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException("image of " + pixels + " pixels is too large to stamp");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static void pngText(IIOMetadata metadata, Watermark mark) throws IOException {
        String format = "javax_imageio_png_1.0";
        var root = new IIOMetadataNode(format);
        var text = new IIOMetadataNode("tEXt");
        text.appendChild(textEntry("tEXtEntry", "LodestoneTrace", mark.traceId()));
        text.appendChild(textEntry("tEXtEntry", "LodestoneWatermark", latin1(mark.text())));
        root.appendChild(text);
        var international = new IIOMetadataNode("iTXt");
        var entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", "LodestoneWatermark");
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", mark.text());
        international.appendChild(entry);
        root.appendChild(international);
        metadata.mergeTree(format, root);
    }

    private static IIOMetadataNode textEntry(String name, String keyword, String value) {
        var entry = new IIOMetadataNode(name);
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", value);
        return entry;
    }

    private static void jpegComment(IIOMetadata metadata, Watermark mark) throws IOException {
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = metadata.getAsTree(format);
        Node markers = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("markerSequence")) {
                markers = n;
            }
        }
        if (markers == null) {
            markers = new IIOMetadataNode("markerSequence");
            root.appendChild(markers);
        }
        var comment = new IIOMetadataNode("com");
        comment.setAttribute("comment", latin1("Lodestone watermark: " + mark.text()));
        markers.appendChild(comment);
        metadata.setFromTree(format, root);
    }

    // ---- text -------------------------------------------------------------------------------------------------------

    /** The standard Helvetica font encodes WinAnsi only; other characters (e.g. Chinese names) become '?' there. */
    static String winAnsi(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f || cp >= 0xa0 && cp <= 0xff ? (char) cp : '?'));
        return out.toString();
    }

    private static String latin1(String text) {
        return winAnsi(text);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
