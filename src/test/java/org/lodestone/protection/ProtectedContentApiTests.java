package org.lodestone.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentStorage;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.store.FilesystemDocumentStorage;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * #6 through the API: a tampered document answers a clear integrity problem and releases none of its content; after
 * crypto-shredding, the application and its documents answer 410 Gone.
 */
@IntegrationTest
class ProtectedContentApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DocumentStorage storage;

    @Autowired
    Protection protection;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aTamperedDocumentIsAnIntegrityProblemWithoutContent() throws Exception {
        var fx = new ApplicationFixtures(mvc);
        String app = fx.draft();
        String doc = fx.file(app, DocumentType.OTHER, null, null);
        Path blob = blobOf(app);
        try (var raf = new RandomAccessFile(blob.toFile(), "rw")) {
            raf.seek(raf.length() - 20);
            int b = raf.read();
            raf.seek(raf.length() - 20);
            raf.write(b ^ 0x01);
        }

        MvcTestResult download = fx.get("applicant", "/api/v1/documents/" + doc + "/content");

        assertThat(download).hasStatus(500);
        assertThat(download.getResponse().getContentType()).startsWith("application/problem+json");
        String body = ApplicationFixtures.body(download);
        assertThat((String) JsonPath.read(body, "$.type")).isEqualTo("urn:lodestone:problem:integrity");
        assertThat((String) JsonPath.read(body, "$.detail")).contains("failed its integrity check");
        assertThat(body).doesNotContain("%PDF");
    }

    @Test
    void afterCryptoShreddingTheApplicationAndItsDocumentsAreGone() throws Exception {
        var fx = new ApplicationFixtures(mvc);
        String app = fx.draft();
        fx.addParty(app, ApplicationFixtures.CONSIGNEE);
        String doc = fx.file(app, DocumentType.OTHER, null, null);
        assertThat(fx.get("applicant", "/api/v1/applications/" + app)).hasStatusOk();

        transactions.executeWithoutResult(
                tx -> protection.destroy(Scope.application(UUID.fromString(app)), "retention test"));

        MvcTestResult application = fx.get("applicant", "/api/v1/applications/" + app);
        assertThat(application).hasStatus(410);
        assertThat((String) JsonPath.read(ApplicationFixtures.body(application), "$.type"))
                .isEqualTo("urn:lodestone:problem:destroyed");
        assertThat(ApplicationFixtures.body(application)).doesNotContain("Motorenwerk");
        assertThat(fx.get("applicant", "/api/v1/documents/" + doc + "/content")).hasStatus(410);
    }

    private Path blobOf(String app) throws Exception {
        Path dir = ((FilesystemDocumentStorage) storage)
                .root()
                .resolve("applications")
                .resolve(app);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
    }
}
