package org.lodestone.licensing.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** #3: the type comes from the content, never the extension, and each document type has its allow-list. */
class ContentTypesUnitTests {

    private static final ContentTypes TYPES = ContentTypes.fromClasspath();

    static Stream<Arguments> contents() {
        return Stream.of(
                Arguments.of("pdf", (Supplier<byte[]>) () -> EvidenceFixtures.pdf("x"), "a.pdf", "application/pdf"),
                Arguments.of("png", (Supplier<byte[]>) () -> EvidenceFixtures.image("png"), "a.png", "image/png"),
                Arguments.of("jpeg", (Supplier<byte[]>) () -> EvidenceFixtures.image("jpeg"), "a.jpg", "image/jpeg"),
                Arguments.of("tiff", (Supplier<byte[]>) () -> EvidenceFixtures.image("tiff"), "a.tif", "image/tiff"),
                Arguments.of("mp4 isom", (Supplier<byte[]>) EvidenceFixtures::mp4, "a.mp4", "video/mp4"),
                Arguments.of(
                        "xlsx",
                        (Supplier<byte[]>) () -> EvidenceFixtures.ooxml("xl/workbook.xml"),
                        "a.xlsx",
                        ContentTypes.XLSX),
                Arguments.of(
                        "docx",
                        (Supplier<byte[]>) () -> EvidenceFixtures.ooxml("word/document.xml"),
                        "a.docx",
                        ContentTypes.DOCX),
                Arguments.of(
                        "xlsx named pdf",
                        (Supplier<byte[]>) () -> EvidenceFixtures.ooxml("xl/workbook.xml"),
                        "a.pdf",
                        ContentTypes.XLSX),
                Arguments.of("csv", (Supplier<byte[]>) EvidenceFixtures::csv, "orders.csv", "text/csv"),
                Arguments.of("csv named txt", (Supplier<byte[]>) EvidenceFixtures::csv, "orders.txt", "text/plain"),
                Arguments.of(
                        "elf named pdf", (Supplier<byte[]>) EvidenceFixtures::elf, "c.pdf", "application/x-executable"),
                Arguments.of(
                        "pe named pdf", (Supplier<byte[]>) EvidenceFixtures::pe, "c.pdf", "application/x-msdownload"),
                Arguments.of("html named pdf", (Supplier<byte[]>) EvidenceFixtures::html, "c.pdf", "text/html"),
                Arguments.of("html named csv", (Supplier<byte[]>) EvidenceFixtures::html, "c.csv", "text/html"),
                Arguments.of(
                        "script named pdf",
                        (Supplier<byte[]>) EvidenceFixtures::shellScript,
                        "c.pdf",
                        "application/x-sh"),
                Arguments.of(
                        "random bytes named pdf",
                        (Supplier<byte[]>) () -> new byte[] {1, 2, 3, (byte) 200, 5},
                        "c.pdf",
                        "application/octet-stream"),
                Arguments.of("plain zip", (Supplier<byte[]>) () -> zipWithout(), "a.xlsx", "application/zip"),
                Arguments.of("webm", (Supplier<byte[]>) ContentTypesUnitTests::webm, "a.webm", "video/webm"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("contents")
    void detectsFromContent(String label, Supplier<byte[]> content, String filename, String expected) {
        assertThat(TYPES.detect(content.get(), filename)).isEqualTo(expected);
    }

    @Test
    void allowListsComeFromTheDataFile() {
        assertThat(TYPES.accepts(DocumentType.END_USER_CERTIFICATE, "application/pdf"))
                .isTrue();
        assertThat(TYPES.accepts(DocumentType.END_USER_CERTIFICATE, "text/html"))
                .isFalse();
        assertThat(TYPES.accepts(DocumentType.END_USER_CERTIFICATE, "application/x-executable"))
                .isFalse();
        assertThat(TYPES.accepts(DocumentType.PRODUCT_PHOTO, "image/heic")).isTrue();
        assertThat(TYPES.accepts(DocumentType.PRODUCT_PHOTO, "application/pdf")).isFalse();
        assertThat(TYPES.accepts(DocumentType.PRODUCTION_LINE_VIDEO, "video/mp4"))
                .isTrue();
        assertThat(TYPES.accepts(DocumentType.CUSTOMER_ORDER, ContentTypes.XLSX))
                .isTrue();
        assertThat(TYPES.accepts(DocumentType.CUSTOMER_ORDER, "text/csv")).isTrue();
        for (DocumentType type : DocumentType.values()) {
            assertThat(TYPES.accepted(type))
                    .as(type.name())
                    .isNotEmpty()
                    .doesNotContain("text/html", "application/zip");
        }
    }

    private static byte[] webm() {
        byte[] head = {
            0x1A,
            0x45,
            (byte) 0xDF,
            (byte) 0xA3,
            (byte) 0x9F,
            0x42,
            (byte) 0x86,
            (byte) 0x81,
            0x01,
            0x42,
            (byte) 0xF7,
            (byte) 0x81,
            0x01,
            0x42,
            (byte) 0x82,
            (byte) 0x84
        };
        byte[] out = new byte[head.length + 4];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy("webm".getBytes(StandardCharsets.US_ASCII), 0, out, head.length, 4);
        return out;
    }

    private static byte[] zipWithout() {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
