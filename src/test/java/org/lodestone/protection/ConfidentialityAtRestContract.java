package org.lodestone.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentStorage;
import org.lodestone.licensing.evidence.store.FilesystemDocumentStorage;
import org.lodestone.protection.keystore.LocalKeystore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * #6, the acceptance test of encryption at rest: an application is created through the real API with a unique planted
 * string (Latin and Chinese) in every sensitive field and an evidence document containing one, submitted (revision
 * snapshot, idempotent answer, screening); then every text column of every table, and every file under the data
 * directory (document store, keystore, spool) in UTF-8 and UTF-16, is searched for each planted string: none may be
 * found. The same values read back through the API. Subclasses add what their database allows (raw H2 files).
 */
abstract class ConfidentialityAtRestContract {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocumentStorage storage;

    @Autowired
    KeyProvider keys;

    /** Field → planted value. */
    final Map<String, String> planted = new LinkedHashMap<>();

    private final String token =
            HexFormat.of().formatHex(new SecureRandom().generateSeed(6)).toUpperCase(Locale.ROOT);

    private String plant(String field) {
        String value = "Plnt" + token + "-" + field;
        planted.put(field, value);
        return value;
    }

    private String plantChinese(String field) {
        var random = new SecureRandom();
        var sb = new StringBuilder("稀土");
        for (int i = 0; i < 8; i++) {
            sb.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
        }
        planted.put(field, sb.toString());
        return sb.toString();
    }

    /** What the database holds beyond its SQL-visible columns (raw files), checked by the subclass. */
    abstract void scanDatabaseFiles(List<String> values) throws Exception;

    /** Proves the raw scan finds a value stored in clear; nothing to do where there is no raw scan. */
    void scanDatabaseFilesControl(String clearValue) throws Exception {}

    @Test
    void noPlantedStringIsStoredInClearAndAllReadBack() throws Exception {
        var fx = new ApplicationFixtures(mvc);
        String consignee = """
                {"role": "CONSIGNEE", "nameOriginal": "%s", "nameLatin": "%s", "country": "DE",
                 "address": "%s", "identifiers": [{"type": "HRB", "value": "%s"}],
                 "contact": {"name": "%s", "email": "%s@example.de", "phone": "+49 %s"}}""".formatted(
                plantChinese("consigneeOriginal"),
                plant("consigneeLatin"),
                plant("address"),
                plant("identifier"),
                plant("contactName"),
                plant("email").toLowerCase(Locale.ROOT),
                "89"
                        + token.chars()
                                .map(c -> '0' + c % 10)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append));
        planted.put("email", planted.get("email").toLowerCase(Locale.ROOT));
        planted.put(
                "phone",
                "+49 89"
                        + token.chars()
                                .map(c -> '0' + c % 10)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append));
        String endUser = """
                {"role": "END_USER", "nameOriginal": "%s", "nameLatin": "%s", "country": "DE",
                 "address": "Werkstr. 5, Stuttgart"}""".formatted(plantChinese("endUserOriginal"), plant("endUser"));
        String item = ApplicationFixtures.MAGNET_ITEM.replace(
                "\"hsCode\": \"8505111000\"",
                "\"hsCode\": \"8505111000\", \"specification\": \"" + plant("specification") + "\"");
        String details = """
                {"endUse": {"sector": "EV_TRACTION_MOTORS", "finalProduct": "%s", "statement": "%s"},
                 "production": {"description": "%s", "process": "%s", "site": "%s"},
                 "relationship": {"since": "2019-03-01", "volumes": [{"year": "2024", "quantity": "8", "unit": "t",
                                  "value": "640000", "currency": "EUR"}], "notes": "%s"},
                 "declarations": {"accuracy": true, "endUseUndertaking": true, "noReExportWithoutConsent": true,
                                  "signatoryName": "%s", "signedOn": "2026-01-15"},
                 "version": %%d}""".formatted(
                        plant("finalProduct"),
                        plant("statement"),
                        plant("productionDescription"),
                        plant("productionProcess"),
                        plant("productionSite"),
                        plant("relationshipNotes"),
                        plant("signatory"));

        String id = fx.draft();
        String consigneeId = fx.addParty(id, consignee);
        String endUserId = fx.addParty(id, endUser);
        String itemId = fx.addItem(id, item);
        long v = fx.version(id);
        MvcTestResult filled = fx.put("applicant", "/api/v1/applications/" + id, details.formatted(v), v);
        assertThat(filled).as(ApplicationFixtures.body(filled)).hasStatusOk();
        fx.file(id, org.lodestone.licensing.evidence.DocumentType.END_USER_CERTIFICATE, endUserId, null);
        fx.file(id, org.lodestone.licensing.evidence.DocumentType.PRODUCT_PHOTO, null, itemId);
        byte[] document = ("%PDF-1.7\n%" + plant("documentContent")
                        + "\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        MvcTestResult uploaded = mvc.post()
                .uri("/api/v1/applications/" + id + "/documents")
                .with(fx.as("applicant"))
                .multipart()
                .file(new MockMultipartFile("file", plant("filename") + ".pdf", "application/pdf", document))
                .param("type", "CUSTOMER_ORDER")
                .param("description", plant("documentDescription"))
                .exchange();
        assertThat(uploaded).as(ApplicationFixtures.body(uploaded)).hasStatus(201);
        planted.put("filename", planted.get("filename") + ".pdf");
        String documentId = JsonPath.read(ApplicationFixtures.body(uploaded), "$.id");
        // the invitation to the consignee keeps its contact email (defaulting to the party's)
        MvcTestResult invited =
                fx.post("applicant", "/api/v1/applications/" + id + "/invitations", """
                {"partyId": "%s"}""".formatted(consigneeId));
        assertThat(invited).as(ApplicationFixtures.body(invited)).hasStatus(201);
        assertThat(ApplicationFixtures.body(invited)).contains(planted.get("email"));
        MvcTestResult submitted = fx.submit("applicant", id, "confidentiality-" + token);
        assertThat(submitted).as(ApplicationFixtures.body(submitted)).hasStatusOk();

        // Round trip: everything reads back through the API.
        String json = ApplicationFixtures.body(fx.get("applicant", "/api/v1/applications/" + id));
        String snapshot = ApplicationFixtures.body(fx.get("applicant", "/api/v1/applications/" + id + "/versions/1"));
        for (var e : planted.entrySet()) {
            if (e.getKey().startsWith("document") || e.getKey().equals("filename")) {
                continue;
            }
            assertThat(json).as("application JSON has %s", e.getKey()).contains(e.getValue());
            assertThat(snapshot).as("revision snapshot has %s", e.getKey()).contains(e.getValue());
        }
        String described = ApplicationFixtures.body(fx.get("reviewer", "/api/v1/documents/" + documentId));
        assertThat(described).contains(planted.get("filename")).contains(planted.get("documentDescription"));
        String reference = JsonPath.read(json, "$.reference");
        MvcTestResult download =
                fx.get("reviewer", "/api/v1/documents/" + documentId + "/content?purpose=" + reference);
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(document);
        String replay = ApplicationFixtures.body(fx.submit("applicant", id, "confidentiality-" + token));
        assertThat(replay).isEqualTo(ApplicationFixtures.body(submitted));

        // Controls: the scanners find what is stored in clear on purpose (the application reference), so an empty
        // result below means "not there", not "not searched".
        assertThat(columnsContaining(List.of(reference))).isNotEmpty();
        scanDatabaseFilesControl(reference);

        List<String> values = new ArrayList<>(planted.values());
        assertThat(values).hasSizeGreaterThanOrEqualTo(20);
        assertThat(columnsContaining(values))
                .as("table.column holding a planted string")
                .isEmpty();
        // The roots as the beans resolved them (lodestone.data-dir holds a random part in tests).
        Path documents = ((FilesystemDocumentStorage) storage).root();
        Path keystore = ((LocalKeystore) keys).file().getParent();
        try (Stream<Path> blobs = Files.walk(documents.resolve("applications").resolve(id))) {
            assertThat(blobs.filter(Files::isRegularFile).count())
                    .as("control: the application's three documents are where the scan looks")
                    .isEqualTo(3);
        }
        String password = Files.readString(keystore.resolve("lodestone-keys.password"));
        assertThat(filesContaining(keystore, List.of(password)))
                .as("control: the file scan finds what is stored in clear")
                .isNotEmpty();
        assertThat(filesContaining(documents, values))
                .as("files of the document store holding a planted string")
                .isEmpty();
        assertThat(filesContaining(keystore, values))
                .as("files of the keystore directory holding a planted string")
                .isEmpty();
        scanDatabaseFiles(values);
    }

    /** Every character column of every table of the current schema, searched for each value (case-insensitive). */
    List<String> columnsContaining(List<String> values) {
        List<String[]> columns = jdbc.sql("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                         WHERE table_schema = CURRENT_SCHEMA""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        assertThat(columns).hasSizeGreaterThan(100);
        List<String> found = new ArrayList<>();
        for (String[] c : columns) {
            String type = c[2].toLowerCase(Locale.ROOT);
            if (!(type.contains("char")
                    || type.contains("text")
                    || type.contains("json")
                    || type.contains("clob")
                    || type.contains("large object"))) {
                continue;
            }
            for (String value : values) {
                long hits = jdbc.sql("SELECT COUNT(*) FROM \"" + c[0] + "\" WHERE LOWER(CAST(\"" + c[1]
                                + "\" AS VARCHAR)) LIKE :p")
                        .param("p", "%" + value.toLowerCase(Locale.ROOT) + "%")
                        .query(Long.class)
                        .single();
                if (hits > 0) {
                    found.add(c[0] + "." + c[1] + " has " + value);
                }
            }
        }
        return found;
    }

    /** Files under {@code root} whose bytes contain a value in UTF-8 or UTF-16 (either byte order), any case. */
    static List<String> filesContaining(Path root, List<String> values) throws IOException {
        List<String> found = new ArrayList<>();
        assertThat(root).isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String value : values) {
                for (String variant : List.of(value, value.toLowerCase(Locale.ROOT), value.toUpperCase(Locale.ROOT))) {
                    for (var charset :
                            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                        if (ProtectionUnitTests.indexOf(bytes, variant.getBytes(charset)) >= 0) {
                            found.add(root.relativize(file) + " has " + value + " in " + charset);
                        }
                    }
                }
            }
        }
        return found;
    }
}
