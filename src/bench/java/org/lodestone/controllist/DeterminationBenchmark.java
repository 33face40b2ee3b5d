package org.lodestone.controllist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #2 figure: determinations per second on one core, with p99 (SampleTime mode). The engine runs on the real
 * data file, exactly as behind {@code POST /api/v1/determinations}, over a rotating mix of questions (HS code plus
 * content, control number, elements only, foreign-produced, military end use, bad input is not in the mix).
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="DeterminationBenchmark -t 1 -f 1"}.
 */
@State(Scope.Thread)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DeterminationBenchmark {

    private DeterminationEngine engine;
    private List<DeterminationRequest> questions;
    private int next;
    private final LocalDate today = LocalDate.of(2026, 11, 22);

    @Setup
    public void setUp() {
        engine = new DeterminationEngine(
                CatalogueIndex.of(ControlListYaml.parseClasspath().data()), BigDecimal.ZERO);
        questions = List.of(
                q(null, "2846901993", "dysprosium oxide", Map.of("Dy", 87.1), "DE", "EV_TRACTION_MOTORS", "2025-05-01"),
                q(null, "2846901993", "dysprosium oxide", Map.of("Dy", 87.1), "DE", "EV_TRACTION_MOTORS", "2025-03-01"),
                q(
                        null,
                        null,
                        "sintered NdFeB magnet",
                        Map.of("Nd", 29.5, "Tb", 0.8, "Fe", 64.0, "B", 1.0),
                        "JP",
                        "WIND_TURBINES",
                        "2025-06-01"),
                q(
                        "1C902",
                        null,
                        "samarium-cobalt magnet",
                        Map.of("Sm", 25.0, "Co", 50.0),
                        "US",
                        "INDUSTRIAL_MOTORS",
                        "2025-09-01"),
                q(null, null, "holmium oxide", Map.of("Ho", 85.0), "FR", "RESEARCH", "2026-11-22"),
                q(null, null, "gallium metal", Map.of("Ga", 99.99), "US", "military radar", "2025-01-15"),
                q(
                        null,
                        null,
                        "NdFeB magnet",
                        Map.of("Nd", 30.0, "Fe", 65.0, "B", 1.0),
                        "DE",
                        "CONSUMER_ELECTRONICS",
                        "2025-05-01"),
                q(null, "2805301700", "yttrium metal", Map.of("Y", 99.9), "KR", "MEDICAL", "2025-07-01"));
    }

    private static DeterminationRequest q(
            String controlNumber,
            String hs,
            String description,
            Map<String, Double> elements,
            String destination,
            String endUse,
            String date) {
        Map<String, Object> content = new LinkedHashMap<>();
        elements.forEach((k, v) -> content.put(k, BigDecimal.valueOf(v)));
        return new DeterminationRequest(
                new DeterminationRequest.Item(controlNumber, hs, description, content),
                destination,
                endUse,
                date,
                null,
                null);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Determination throughput() {
        return engine.determine(questions.get(next++ & 7), today);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Determination latency() {
        return engine.determine(questions.get(next++ & 7), today);
    }
}
