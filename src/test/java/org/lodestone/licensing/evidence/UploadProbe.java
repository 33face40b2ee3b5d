package org.lodestone.licensing.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.lodestone.licensing.evidence.store.FilesystemDocumentStorage;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Child process for {@code InterruptedUploadTests}: runs the real upload pipeline ({@link Uploads}: head check,
 * streaming store, row after content) against an H2 file and a storage directory. Modes: {@code complete} stores a
 * 1 MB PDF and prints {@code STORED <id>}; {@code endless} streams a PDF that never ends, printing
 * {@code STREAMED <bytes>}, until it is killed; {@code open} only opens the storage (its startup cleanup) and prints
 * {@code OPENED}.
 */
public final class UploadProbe {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path root = Path.of(args[2]);
        if (mode.equals("open")) {
            new FilesystemDocumentStorage(root);
            System.out.println("OPENED");
            return;
        }
        var ds = new DriverManagerDataSource(args[1], "sa", "");
        TestDatabases.migrate(ds);
        var protection = ProtectionFixtures.protection(ds, root.resolveSibling("keys"));
        var uploads = new Uploads(
                new FilesystemDocumentStorage(root, protection),
                ContentTypes.fromClasspath(),
                new DocumentRecords(JdbcClient.create(ds), protection),
                new NoAudit(),
                new TransactionTemplate(new DataSourceTransactionManager(ds)),
                Clock.systemUTC());
        var user = new CurrentUser(
                new UserId(UUID.randomUUID()),
                "probe",
                "Probe",
                new OrganisationId(UUID.randomUUID()),
                "Probe Co.",
                OrganisationKind.EXPORTER,
                null,
                Set.of(Role.APPLICANT));
        var application = new ApplicationId(UUID.randomUUID());
        var document = new NewDocument(DocumentType.OTHER, null, null, "video-sized.pdf", null);
        boolean endless = mode.equals("endless");
        var stored = uploads.accept(
                application, document, new PdfStream(endless ? Long.MAX_VALUE : 1024 * 1024), Long.MAX_VALUE, user);
        System.out.println("STORED " + stored.id());
    }

    /** "%PDF-1.7" and then filler, as long as asked; reports progress every MiB and slows down after 8 MiB. */
    static final class PdfStream extends InputStream {
        private static final byte[] HEAD =
                "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        private final long size;
        private long served;

        PdfStream(long size) {
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, 64 * 1024), size - served);
            for (int i = 0; i < n; i++) {
                long at = served + i;
                b[off + i] = at < HEAD.length ? HEAD[(int) at] : (byte) ('a' + at % 26);
            }
            long before = served;
            served += n;
            if (served / (1024 * 1024) != before / (1024 * 1024)) {
                System.out.println("STREAMED " + served);
                System.out.flush();
            }
            if (served > 8L * 1024 * 1024) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return n;
        }
    }

    /** The audit trail is not what this probe tests; rows and blobs are. */
    static final class NoAudit implements AuditTrail {
        @Override
        public AuditEntry record(AuditRecord record) {
            return new AuditEntry(
                    0,
                    java.time.Instant.now(),
                    "probe",
                    null,
                    record.action(),
                    record.objectType(),
                    record.objectId(),
                    record.outcome(),
                    record.detail(),
                    null,
                    "",
                    "");
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> find(AuditQuery query) {
            return List.of();
        }
    }

    private UploadProbe() {}
}
