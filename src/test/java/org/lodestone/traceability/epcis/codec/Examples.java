package org.lodestone.traceability.epcis.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The GS1 EPCIS 2.0 example documents (../shared/data/epcis-examples, read where they are) and reading helpers. */
public final class Examples {

    static final Path ROOT = root();

    /** ../shared beside the checkout (CI); a clone elsewhere on a development machine falls back to /work/shared. */
    public static Path root() {
        Path beside = Path.of("../shared/data/epcis-examples");
        return java.nio.file.Files.isDirectory(beside) ? beside : Path.of("/work/shared/data/epcis-examples");
    }

    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    static final ReadLimits LIMITS = new ReadLimits(10_000, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    static final EpcisReader READER = new EpcisReader();

    private Examples() {}

    static List<Path> files(Syntax syntax, String folder) {
        Path dir = ROOT.resolve(syntax.name()).resolve("Capture").resolve(folder);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything a read produced. */
    record Result(ReadSummary summary, List<ReadOutcome> outcomes) {

        List<ReadOutcome.Rejected> rejected() {
            return outcomes.stream()
                    .filter(ReadOutcome.Rejected.class::isInstance)
                    .map(ReadOutcome.Rejected.class::cast)
                    .toList();
        }

        List<org.lodestone.traceability.epcis.EpcisEvent> events() {
            return outcomes.stream()
                    .filter(ReadOutcome.Accepted.class::isInstance)
                    .map(o -> ((ReadOutcome.Accepted) o).event())
                    .toList();
        }
    }

    static Result read(Path file, Syntax syntax) {
        return read(bytes(file), syntax, LIMITS);
    }

    static Result read(byte[] document, Syntax syntax) {
        return read(document, syntax, LIMITS);
    }

    static Result read(byte[] document, Syntax syntax, ReadLimits limits) {
        List<ReadOutcome> outcomes = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(document)) {
            ReadSummary summary = READER.read(in, syntax, limits, outcomes::add);
            return new Result(summary, outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
