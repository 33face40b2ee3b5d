package org.lodestone.bench.traceability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lodestone.Lodestone;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.traceability.epcis.Capturing;
import org.lodestone.traceability.epcis.Capturing.CaptureResult;
import org.lodestone.traceability.epcis.Capturing.Reporter;
import org.lodestone.traceability.epcis.codec.EpcisReader;
import org.lodestone.traceability.epcis.codec.ReadLimits;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * EPCIS capture end to end (#5): the application itself (demo mode, embedded H2 file with the application's URL
 * options) captures the same seeded 1,000-event JSON documents as {@link CaptureBenchmark} through its
 * {@link Capturing} bean, so the projections listening to {@code EventsCaptured} (lot profiles, mass-balance
 * movements and signals), reader resolution through the chain registry and the audit entry all run inside the capture
 * transaction, as in production. No ceiling here: compare with {@link CaptureBenchmark}.
 *
 * <pre>
 * ./mvnw -q -B -Pbench test-compile exec:exec \
 *     -Dbench.main=org.lodestone.bench.traceability.CaptureEndToEndBenchmark -Dbench.args="30000"
 * </pre>
 */
public final class CaptureEndToEndBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int documents = Math.max(1, events / CaptureBenchmark.PER_DOCUMENT);
        var random = new Random(42);
        List<byte[]> docs = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            docs.add(CaptureBenchmark.document(d, random));
        }
        Path dir = Files.createTempDirectory("capture-e2e");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Lodestone.class)
                .properties("lodestone.data-dir=" + dir, "server.port=0", "logging.level.root=WARN")
                .run()) {
            Capturing capturing = app.getBean(Capturing.class);
            OrganisationProfile org = app.getBean(Identity.class).organisations(OrganisationKind.EXPORTER).stream()
                    .filter(o -> o.name().equals("Demo Rare Earth Magnet Works Co., Ltd."))
                    .findFirst()
                    .orElseThrow();
            var reporter = new Reporter(org.id(), "producer", org.region());
            var reader = new EpcisReader();
            var limits = new ReadLimits(100_000, Duration.ofMinutes(10), Clock.systemUTC());
            int warm = Math.max(1, docs.size() / 10);
            long nanos = 0, cpu = 0, timed = 0;
            for (int i = 0; i < docs.size(); i++) {
                long t0 = System.nanoTime(), c0 = CaptureBenchmark.cpu();
                CaptureResult r = CaptureBenchmark.capture(capturing, reader, limits, reporter, docs.get(i));
                if (!r.success()) {
                    throw new IllegalStateException("capture failed: " + r.documentError() + " "
                            + r.errors().stream().limit(3).toList());
                }
                if (i >= warm) {
                    nanos += System.nanoTime() - t0;
                    cpu += CaptureBenchmark.cpu() - c0;
                    timed += r.stored();
                }
            }
            System.out.printf(
                    "H2 (application, with projections and audit) capture: %,d events in %.2f s = %,.0f events/s;"
                            + " %,.0f events per process CPU-second (load average %s)%n",
                    timed, nanos / 1e9, timed / (nanos / 1e9), timed / (cpu / 1e9), CaptureBenchmark.load());
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
    }
}
