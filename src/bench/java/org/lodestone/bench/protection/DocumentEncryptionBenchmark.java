package org.lodestone.bench.protection;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentStorage;
import org.lodestone.licensing.evidence.StoredBlob;
import org.lodestone.licensing.evidence.store.FilesystemDocumentStorage;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.support.TestDatabases;

/**
 * Figure for #6: overhead of encryption at rest on document upload and download throughput. The same generated
 * documents (never held in memory) go through the real {@link FilesystemDocumentStorage} twice in the same run: in
 * plaintext (the baseline) and encrypted with the application's data key (streaming AES-256-GCM, the production
 * configuration); both hash, write to a temp file, fsync and rename. Rounds alternate the two so that disk cache and
 * JIT treat them alike; the first round is warm-up. Prints MB/s, wall and CPU time of each, and the ratio
 * encrypted/plaintext (target ≤ 1.3).
 *
 * <p>{@code ./mvnw -q -B -Pbench test-compile exec:exec
 * -Dbench.main=org.lodestone.bench.protection.DocumentEncryptionBenchmark -Dbench.args="64 8 3"} (MiB per document,
 * documents per round, measured rounds).
 */
public final class DocumentEncryptionBenchmark {

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long size = mib * 1024L * 1024L;
        Path dir = Files.createTempDirectory("lodestone-encryption-bench");
        var protection = ProtectionFixtures.protection(TestDatabases.h2(), dir.resolve("keys"));
        var plain = new FilesystemDocumentStorage(dir.resolve("plain"));
        var encrypted = new FilesystemDocumentStorage(dir.resolve("encrypted"), protection);
        System.out.printf(
                Locale.ROOT,
                "documents of %d MiB, %d per round, %d measured rounds (+1 warm-up), %s%n",
                mib,
                documents,
                rounds,
                Runtime.version());

        Totals plainTotals = new Totals();
        Totals encryptedTotals = new Totals();
        for (int round = 0; round <= rounds; round++) {
            boolean measured = round > 0;
            // alternate which one goes first
            if (round % 2 == 0) {
                run(plain, size, documents, measured ? plainTotals : new Totals());
                run(encrypted, size, documents, measured ? encryptedTotals : new Totals());
            } else {
                run(encrypted, size, documents, measured ? encryptedTotals : new Totals());
                run(plain, size, documents, measured ? plainTotals : new Totals());
            }
        }
        plainTotals.print("plaintext", null);
        encryptedTotals.print("encrypted", plainTotals);
        deleteTree(dir);
    }

    static final class Totals {
        long bytes;
        long uploadNanos;
        long uploadCpu;
        long downloadNanos;
        long downloadCpu;

        void print(String label, Totals baseline) {
            double mb = bytes / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "%-9s upload %7.1f MB/s (wall %6.2f s, cpu %6.2f s)   download %7.1f MB/s (wall %6.2f s, cpu %6.2f s)%n",
                    label,
                    mb / (uploadNanos / 1e9),
                    uploadNanos / 1e9,
                    uploadCpu / 1e9,
                    mb / (downloadNanos / 1e9),
                    downloadNanos / 1e9,
                    downloadCpu / 1e9);
            if (baseline != null) {
                System.out.printf(
                        Locale.ROOT,
                        "ratio encrypted/plaintext: upload wall %.2fx (cpu %.2fx), download wall %.2fx (cpu %.2fx)%n",
                        (double) uploadNanos / baseline.uploadNanos,
                        (double) uploadCpu / baseline.uploadCpu,
                        (double) downloadNanos / baseline.downloadNanos,
                        (double) downloadCpu / baseline.downloadCpu);
            }
        }
    }

    private static void run(DocumentStorage storage, long size, int documents, Totals totals) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<ApplicationId> apps = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < documents; i++) {
            var app = new ApplicationId(UUID.randomUUID());
            StoredBlob blob = storage.store(app, new Generated(size, i), size);
            apps.add(app);
            hashes.add(blob.sha256());
        }
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int i = 0; i < documents; i++) {
            try (InputStream in = storage.open(apps.get(i), hashes.get(i))) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    read += n;
                }
            }
        }
        long t2 = System.nanoTime();
        long c2 = threads.getCurrentThreadCpuTime();
        if (read != size * documents) {
            throw new IllegalStateException("read " + read + " bytes, expected " + size * documents);
        }
        totals.bytes += size * documents;
        totals.uploadNanos += t1 - t0;
        totals.uploadCpu += c1 - c0;
        totals.downloadNanos += t2 - t1;
        totals.downloadCpu += c2 - c1;
        for (int i = 0; i < documents; i++) {
            storage.delete(apps.get(i), hashes.get(i));
        }
    }

    /** Deterministic, incompressible-looking content of any length, never held in memory. */
    static final class Generated extends InputStream {
        private final long size;
        private long served;
        private long state;

        Generated(long size, long seed) {
            this.size = size;
            this.state = seed * 0x9E3779B97F4A7C15L + 1;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            served += n;
            return n;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
