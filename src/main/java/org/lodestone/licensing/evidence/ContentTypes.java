package org.lodestone.licensing.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a document is, from its first bytes, and whether its document type accepts that. Detection reads only the
 * content (Tika's magic plus {@code licensing/evidence-magic.xml}); the user's filename can only narrow plain text to
 * CSV, never widen a type, so no extension can make an executable or HTML page pass as a PDF. OOXML files are zips
 * whose entry names tell a workbook from a document; they are read from the head with the JDK's zip reader.
 * Allow-lists are data: {@code licensing/evidence-types.yaml}. Guarded by {@code ContentTypesUnitTests}.
 */
final class ContentTypes {

    /** Bytes read before anything is stored: Tika's magic never looks further, and OOXML markers come first. */
    static final int HEAD_BYTES = 64 * 1024;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private final MimeTypes mimeTypes;
    private final Map<DocumentType, Set<String>> allowed;

    ContentTypes(MimeTypes mimeTypes, Map<DocumentType, Set<String>> allowed) {
        this.mimeTypes = mimeTypes;
        this.allowed = Map.copyOf(allowed);
    }

    static ContentTypes fromClasspath() {
        try {
            URL core = Objects.requireNonNull(MimeTypes.class.getResource("/org/apache/tika/mime/tika-mimetypes.xml"));
            URL ours = new ClassPathResource("licensing/evidence-magic.xml").getURL();
            return new ContentTypes(
                    MimeTypesFactory.create(core, ours),
                    allowList(new ClassPathResource("licensing/evidence-types.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MimeTypeException e) {
            throw new IllegalStateException("licensing/evidence-magic.xml is invalid", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<DocumentType, Set<String>> allowList(ClassPathResource resource) throws IOException {
        Map<String, Object> raw;
        try (InputStream in = resource.getInputStream()) {
            raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        var result = new EnumMap<DocumentType, Set<String>>(DocumentType.class);
        raw.forEach((key, value) -> {
            DocumentType type = DocumentType.valueOf(key);
            var types = new LinkedHashSet<String>();
            for (Object v : (List<Object>) value) {
                types.add(MediaType.parse(v.toString()).getBaseType().toString());
            }
            result.put(type, Set.copyOf(types));
        });
        for (DocumentType type : DocumentType.values()) {
            if (!result.containsKey(type) || result.get(type).isEmpty()) {
                throw new IllegalStateException(resource.getPath() + " lists no content types for " + type);
            }
        }
        return result;
    }

    /** The media type of content starting with {@code head} (at most {@link #HEAD_BYTES}), without parameters. */
    String detect(byte[] head, String filename) {
        MediaType magic;
        try {
            magic = mimeTypes
                    .detect(new ByteArrayInputStream(head), new Metadata())
                    .getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        String type = magic.toString();
        if (type.equals("application/zip") || type.equals("application/x-tika-ooxml")) {
            return officeOpenXml(head, type);
        }
        if (type.equals("text/plain") && filename.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return "text/csv";
        }
        return type;
    }

    boolean accepts(DocumentType type, String mediaType) {
        return allowed.get(type).contains(mediaType);
    }

    List<String> accepted(DocumentType type) {
        return allowed.get(type).stream().sorted().toList();
    }

    /** A zip is a workbook, document or presentation only if it has the OOXML content-types part and the main part. */
    private static String officeOpenXml(byte[] head, String fallback) {
        boolean contentTypes = false;
        String main = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(head))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && (main == null || !contentTypes)) {
                String name = entry.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (main == null && name.startsWith("word/")) {
                    main = DOCX;
                } else if (main == null && name.startsWith("xl/")) {
                    main = XLSX;
                } else if (main == null && name.startsWith("ppt/")) {
                    main = PPTX;
                }
            }
        } catch (IOException e) {
            // The head ends inside an entry: decide on the entries seen so far.
        }
        return contentTypes && main != null ? main : fallback;
    }
}
