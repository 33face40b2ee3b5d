package org.lodestone.licensing.evidence.http;

import java.nio.charset.StandardCharsets;
import org.lodestone.licensing.evidence.DocumentContent;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.transparency.DocumentReading;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The response of a document download, for the API and the UI alike: streamed (never buffered), always an attachment
 * with the detected type and {@code nosniff} (so a browser never renders uploaded content inline as a page), the exact
 * length, the SHA-256 as ETag, and no caching of confidential content.
 */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<InputStreamResource> of(DocumentContent content) {
        EvidenceDocument d = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .contentLength(d.sizeBytes())
                .eTag("\"" + d.sha256() + "\"")
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(d.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.content()));
    }

    /**
     * A download opened under the access-transparency rules (#6): a watermarked copy has its own length and no ETag
     * (its bytes are not the document's SHA-256), and names its trace id in {@code X-Lodestone-Trace}.
     */
    public static ResponseEntity<InputStreamResource> of(DocumentReading.Opened opened) {
        EvidenceDocument d = opened.document();
        var response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .contentLength(opened.length())
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(d.filename()))
                .header("X-Content-Type-Options", "nosniff");
        if (opened.traceId() == null) {
            response.eTag("\"" + d.sha256() + "\"");
        } else {
            response.header("X-Lodestone-Trace", opened.traceId());
        }
        return response.body(new InputStreamResource(opened.content()));
    }

    /** RFC 6266: an ASCII fallback for old clients, then the exact name as RFC 8187 {@code filename*}. */
    static String contentDisposition(String filename) {
        var ascii = new StringBuilder();
        var encoded = new StringBuilder();
        filename.codePoints()
                .forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' ? (char) cp : '_'));
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
