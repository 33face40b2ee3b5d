package org.lodestone.support;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceFixtures;

/**
 * Lodestone's REST API over real HTTP (java.net.http), as an outside client uses it: bearer tokens from the token
 * endpoint, JSON in and out, multipart uploads. For tests and child-process probes that talk to a running server on a
 * real port; MockMvc tests use {@code ApplicationFixtures} instead.
 */
public final class HttpApi {

    /** A response: status and body (text, or bytes for binary downloads). */
    public record Reply(int status, String body, byte[] bytes) {

        public <T> T read(String path) {
            return JsonPath.read(body, path);
        }

        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public HttpApi(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** A bearer token for {@code username}, made once with Basic authentication at the token endpoint. */
    public String token(String username, String password) {
        return tokens.computeIfAbsent(username, u -> {
            String basic = Base64.getEncoder().encodeToString((u + ":" + password).getBytes(StandardCharsets.UTF_8));
            Reply r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"http-api\"}")));
            return r.expect(201).<String>read("$.token");
        });
    }

    public Reply get(String user, String path) {
        return send(authorised(user, path).GET());
    }

    public Reply post(String user, String path, String json) {
        return send(authorised(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String user, String path, String json, @Nullable Long ifMatch) {
        var request = authorised(user, path).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return send(request.PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Anonymous GET, e.g. the public verification. */
    public Reply anonymous(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** Uploads a real small file of a kind {@code type} accepts; returns the document id. */
    public String upload(
            String user, String application, DocumentType type, @Nullable String party, @Nullable String item) {
        boolean photo = type == DocumentType.PRODUCT_PHOTO;
        byte[] content = photo ? EvidenceFixtures.image("png") : EvidenceFixtures.pdf(type + " " + UUID.randomUUID());
        String boundary = "----lodestone" + UUID.randomUUID();
        var body = new StringBuilder();
        field(body, boundary, "type", type.name());
        if (party != null) {
            field(body, boundary, "partyId", party);
        }
        if (item != null) {
            field(body, boundary, "itemId", item);
        }
        body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                .append(type.name().toLowerCase())
                .append(photo ? ".png" : ".pdf")
                .append("\"\r\nContent-Type: ")
                .append(photo ? "image/png" : "application/pdf")
                .append("\r\n\r\n");
        byte[] head = body.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Reply r = send(authorised(user, "/api/v1/applications/" + application + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
        return r.expect(201).read("$.id");
    }

    /** A complete draft of {@code applicant} (the same content as {@code ApplicationFixtures.complete}); its id. */
    public String completeApplication(String applicant) {
        String id = post(applicant, "/api/v1/applications", "{}").expect(201).read("$.id");
        String path = "/api/v1/applications/" + id;
        post(applicant, path + "/parties", ApplicationFixtures.CONSIGNEE).expect(201);
        String endUser = post(applicant, path + "/parties", ApplicationFixtures.END_USER)
                .expect(201)
                .read("$.id");
        String item = post(applicant, path + "/items", ApplicationFixtures.MAGNET_ITEM)
                .expect(201)
                .read("$.id");
        long v = version(applicant, id);
        put(applicant, path, ApplicationFixtures.DETAILS.formatted(v), v).expect(200);
        upload(applicant, id, DocumentType.END_USER_CERTIFICATE, endUser, null);
        upload(applicant, id, DocumentType.PRODUCT_PHOTO, null, item);
        upload(applicant, id, DocumentType.CUSTOMER_ORDER, null, null);
        return id;
    }

    public long version(String user, String application) {
        return ((Number) get(user, "/api/v1/applications/" + application)
                        .expect(200)
                        .read("$.version"))
                .longValue();
    }

    /** The URL in the QR code on page 1 of a PDF certificate. */
    public static String qrUrl(byte[] pdf) {
        try (var doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page)));
            return new com.google.zxing.qrcode.QRCodeReader()
                    .decode(bitmap, Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (Exception e) {
            throw new AssertionError("no QR code readable in the certificate", e);
        }
    }

    private static void field(StringBuilder body, String boundary, String name, String value) {
        body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n");
    }

    private HttpRequest.Builder authorised(String user, String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user, "demo"));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
