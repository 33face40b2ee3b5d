package org.lodestone.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestone.controllist.Determination.MatchStatus;

/**
 * The determination table (#2): the engine loaded from the real data file, asked the same questions on different
 * dates, for different elements, HS codes, destinations and end uses. Each row names the outcome, the entry keys that
 * apply (keys, because some entries have no verified control number) and a phrase the explanation or warnings must
 * contain, so a wrong date, a lost suspension or a lost uncertainty note fails the row.
 */
class DeterminationTableTests {

    static final DeterminationEngine ENGINE = new DeterminationEngine(
            CatalogueIndex.of(ControlListYaml.parseClasspath().data()), BigDecimal.ZERO);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} / {3} -> {4} {6} on {7}: {9}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # description                        | controlNumber | hsCode     | elements                     | dest | endUse                         | date       | foreign | share | outcome          | applying keys                                          | phrase
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | DE   | EV_TRACTION_MOTORS             | 2025-03-01 | -       | -     | NOT_REQUIRED     | -                                                      | takes effect on 2025-04-04
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | DE   | EV_TRACTION_MOTORS             | 2025-05-01 | -       | -     | LICENCE_REQUIRED | dy-oxide                                               | 1C905.b is inferred
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | DE   | EV_TRACTION_MOTORS             | 2025-04-04 | -       | -     | LICENCE_REQUIRED | dy-oxide                                               | 2025 No. 18
        Sintered NdFeB magnet with terbium   | -             | -          | Nd:29;Fe:64.3;B:1;Tb:1.2     | DE   | EV_TRACTION_MOTORS             | 2025-05-01 | -       | -     | LICENCE_REQUIRED | tb-metal-alloys-targets-magnets                        | magnet
        NdFeB magnet                         | -             | -          | Nd:31;Fe:68;B:1              | DE   | WIND_TURBINES                  | 2025-05-01 | -       | -     | NOT_REQUIRED     | -                                                      | Fe, Nd are not listed elements
        Sm-Co permanent magnet               | -             | -          | Sm:25;Co:50;Fe:17;Cu:6;Zr:2  | US   | INDUSTRIAL_MOTORS              | 2025-06-01 | -       | -     | LICENCE_REQUIRED | sm-metal-alloys-targets-magnets                        | 1C902.a
        Gadolinium-containing magnet         | -             | -          | Gd:5;Fe:95                   | DE   | OTHER                          | 2025-06-01 | -       | -     | NOT_REQUIRED     | -                                                      | but not in the form
        Yttrium metal                        | -             | 2805301700 | -                            | JP   | RESEARCH                       | 2025-05-01 | -       | -     | LICENCE_REQUIRED | y-metal-alloys-targets                                 | HS codes are references only
        Yttrium metal                        | -             | 2805.30.17 | -                            | JP   | RESEARCH                       | 2025-03-31 | -       | -     | NOT_REQUIRED     | -                                                      | takes effect on 2025-04-04
        Rare-earth oxide mixture             | -             | 2846901993 | Gd:80;O:20                   | KR   | MEDICAL                        | 2025-07-01 | -       | -     | LICENCE_REQUIRED | gd-oxide                                               | reference code of 1C903.b
        Rare-earth oxide mixture             | -             | 2846901993 | Nd:85;O:15                   | KR   | OTHER                          | 2025-07-01 | -       | -     | NOT_REQUIRED     | -                                                      | not a reference code
        Ytterbium oxide                      | -             | 2846901970 | -                            | FR   | OTHER                          | 2026-11-22 | -       | -     | LICENCE_REQUIRED | yb-oxide                                               | inferred reference
        Holmium oxide                        | -             | -          | Ho:87.3;O:12.7               | DE   | CONSUMER_ELECTRONICS           | 2025-11-01 | -       | -     | NOT_REQUIRED     | -                                                      | takes effect on 2025-11-08
        Holmium oxide                        | -             | -          | Ho:87.3;O:12.7               | DE   | CONSUMER_ELECTRONICS           | 2025-12-15 | -       | -     | NOT_REQUIRED     | -                                                      | suspended on 2025-12-15 by MOFCOM/GAC Announcement 2025 No. 70
        Holmium oxide                        | -             | -          | Ho:87.3;O:12.7               | DE   | CONSUMER_ELECTRONICS           | 2026-11-10 | -       | -     | NOT_REQUIRED     | -                                                      | a suspended entry does not require a licence
        Holmium oxide                        | -             | -          | Ho:87.3;O:12.7               | DE   | CONSUMER_ELECTRONICS           | 2026-11-22 | -       | -     | LICENCE_REQUIRED | ho-oxide                                               | whether it was extended is not verified
        Holmium-containing NdFeB magnet      | -             | -          | Nd:28;Ho:2;Fe:69;B:1         | VN   | EV_TRACTION_MOTORS             | 2026-11-22 | -       | -     | LICENCE_REQUIRED | ho-metal-alloys-targets-materials                      | ended on 2026-11-10
        Gallium metal                        | -             | -          | Ga:99.99999                  | DE   | OTHER                          | 2023-07-15 | -       | -     | NOT_REQUIRED     | -                                                      | takes effect on 2023-08-01
        Gallium metal                        | -             | -          | Ga:99.99999                  | DE   | OTHER                          | 2023-09-01 | -       | -     | LICENCE_REQUIRED | ga-metal                                               | no verified control number
        Gallium metal                        | -             | 8112929010 | -                            | US   | CONSUMER_ELECTRONICS           | 2025-03-01 | -       | -     | PROHIBITED       | ga-metal                                               | Art. 2
        Gallium metal                        | -             | 8112929010 | -                            | US   | CONSUMER_ELECTRONICS           | 2025-12-01 | -       | -     | LICENCE_REQUIRED | ga-metal                                               | would apply, but it is suspended
        Gallium metal                        | -             | 8112929010 | -                            | US   | CONSUMER_ELECTRONICS           | 2026-12-01 | -       | -     | PROHIBITED       | ga-metal                                               | ended on 2026-11-27 according to the data
        Germanium dioxide                    | -             | -          | Ge:69.4;O:30.6               | JP   | RESEARCH                       | 2024-01-10 | -       | -     | LICENCE_REQUIRED | ge-compounds                                           | oxide
        Antimony metal ingots                | -             | -          | Sb:99.65                     | IN   | OTHER                          | 2024-09-14 | -       | -     | NOT_REQUIRED     | -                                                      | takes effect on 2024-09-15
        Antimony metal ingots                | -             | -          | Sb:99.65                     | IN   | OTHER                          | 2024-09-15 | -       | -     | LICENCE_REQUIRED | sb-metal                                               | 2024 No. 33
        Antimony metal ingots                | -             | -          | Sb:99.65                     | US   | OTHER                          | 2026-11-27 | -       | -     | LICENCE_REQUIRED | sb-metal                                               | would apply, but it is suspended
        Antimony metal ingots                | -             | -          | Sb:99.65                     | US   | OTHER                          | 2026-11-28 | -       | -     | PROHIBITED       | sb-metal                                               | in principle not licensed
        Natural flake graphite               | -             | 2504101000 | C:95                         | KR   | EV_TRACTION_MOTORS             | 2023-11-30 | -       | -     | NOT_REQUIRED     | -                                                      | takes effect on 2023-12-01
        Natural flake graphite               | -             | 2504101000 | C:95                         | KR   | EV_TRACTION_MOTORS             | 2023-12-01 | -       | -     | LICENCE_REQUIRED | graphite-natural-flake                                 | HS codes are references only
        Spherical graphite anode material    | -             | -          | C:99.95                      | US   | EV_TRACTION_MOTORS             | 2025-01-15 | -       | -     | LICENCE_REQUIRED | graphite-artificial-high-grade;graphite-natural-flake  | stricter end-user and end-use review
        Carbon steel bar                     | -             | -          | C:0.4;Fe:99.6                | DE   | OTHER                          | 2025-01-15 | -       | -     | NOT_REQUIRED     | -                                                      | does not name
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | US   | MILITARY                       | 2025-05-01 | -       | -     | PROHIBITED       | dy-oxide                                               | Art. 1
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | US   | for missile guidance actuators | 2025-05-01 | -       | -     | PROHIBITED       | dy-oxide                                               | military term 'missile'
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | US   | electric vehicle motors        | 2025-05-01 | -       | -     | LICENCE_REQUIRED | dy-oxide                                               | EV_TRACTION_MOTORS
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | DE   | MILITARY                       | 2025-05-01 | -       | -     | LICENCE_REQUIRED | dy-oxide                                               | MILITARY
        Dysprosium oxide                     | -             | -          | Dy:87.1;O:12.9               | US   | MILITARY                       | 2024-11-01 | -       | -     | NOT_REQUIRED     | -                                                      | takes effect on 2025-04-04
        NdFeB magnet made in Vietnam         | -             | -          | Nd:27;Dy:4.5;Fe:67.5;B:1     | DE   | EV_TRACTION_MOTORS             | 2026-11-22 | true    | 0.5   | LICENCE_REQUIRED | dy-metal-alloys-targets-magnets                        | at or above the 0.1 % threshold
        NdFeB magnet made in Vietnam         | -             | -          | Nd:27;Dy:4.5;Fe:67.5;B:1     | DE   | EV_TRACTION_MOTORS             | 2026-11-22 | true    | 0.05  | NOT_REQUIRED     | -                                                      | below the 0.1 % threshold
        NdFeB magnet made in Vietnam         | -             | -          | Nd:27;Dy:4.5;Fe:67.5;B:1     | DE   | EV_TRACTION_MOTORS             | 2025-12-15 | true    | 0.5   | NOT_REQUIRED     | -                                                      | extraterritorial rule of MOFCOM Announcement 2025 No. 61 is suspended
        NdFeB magnet made in Vietnam         | -             | -          | Nd:27;Dy:4.5;Fe:67.5;B:1     | DE   | EV_TRACTION_MOTORS             | 2025-11-20 | true    | 0.5   | NOT_REQUIRED     | -                                                      | is not in force on 2025-11-20
        NdFeB magnet made in Vietnam         | -             | -          | Nd:27;Dy:4.5;Fe:67.5;B:1     | DE   | EV_TRACTION_MOTORS             | 2026-11-22 | true    | -     | LICENCE_REQUIRED | dy-metal-alloys-targets-magnets                        | was not given
        Dysprosium oxide                     | 1C905.b       | -          | -                            | DE   | OTHER                          | 2025-05-01 | -       | -     | LICENCE_REQUIRED | dy-oxide                                               | Matched by control number 1C905.b
        Dysprosium product                   | 1C905         | -          | -                            | DE   | OTHER                          | 2025-05-01 | -       | -     | LICENCE_REQUIRED | dy-metal-alloys-targets-magnets;dy-oxide;dy-compounds  | so all are reported
        Dy-containing NdFeB magnet blocks    | 1C905         | -          | -                            | DE   | OTHER                          | 2025-05-01 | -       | -     | LICENCE_REQUIRED | dy-metal-alloys-targets-magnets                        | select 1C905.a
        Samarium-cobalt alloy                | 1c902.A       | -          | -                            | GB   | OTHER                          | 2025-05-01 | -       | -     | LICENCE_REQUIRED | sm-metal-alloys-targets-magnets                        | 1C902.a
        Magnet production line know-how      | 1E902         | -          | -                            | MY   | OTHER                          | 2025-10-20 | -       | -     | LICENCE_REQUIRED | re-technologies-mining-to-recycling;re-technologies-production-lines | 2025 No. 62
        Magnet production line know-how      | 1E902         | -          | -                            | MY   | OTHER                          | 2026-01-10 | -       | -     | NOT_REQUIRED     | -                                                      | suspended
        Scandium-aluminium alloy wire        | -             | -          | Sc:2;Al:98                   | FR   | OTHER                          | 2025-04-04 | -       | -     | LICENCE_REQUIRED | sc-metal-alloys-targets                                | alloy
        Lutetium compound                    | -             | -          | Lu:60;O:20;Cl:20             | CH   | MEDICAL                        | 2025-08-01 | -       | -     | LICENCE_REQUIRED | lu-compounds                                           | compound
        """)
    void determines(
            String description,
            @Nullable String controlNumber,
            @Nullable String hsCode,
            @Nullable String elements,
            String destination,
            String endUse,
            String date,
            @Nullable Boolean foreign,
            @Nullable String share,
            Outcome outcome,
            @Nullable String applyingKeys,
            String phrase) {
        var request = new DeterminationRequest(
                new DeterminationRequest.Item(controlNumber, hsCode, description, elements(elements)),
                destination,
                endUse,
                date,
                foreign,
                share);

        Determination d = ENGINE.determine(request, TODAY);

        String text = String.join(" ", d.explanation()) + " " + String.join(" ", d.warnings());
        assertThat(d.outcome()).as(text).isEqualTo(outcome);
        List<String> applying = d.matches().stream()
                .filter(m -> m.status() == MatchStatus.APPLIES)
                .map(Determination.Match::key)
                .distinct()
                .toList();
        List<String> expected = applyingKeys == null ? List.of() : Arrays.asList(applyingKeys.split(";"));
        assertThat(applying).as(text).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(text).contains(phrase);
        assertThat(d.asOf()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void suspendedEntriesAreReportedButDoNotRequireALicence() {
        Determination d = ENGINE.determine(request("Holmium oxide", Map.of("Ho", 87.3), "DE", "2025-12-15"), TODAY);

        assertThat(d.outcome()).isEqualTo(Outcome.NOT_REQUIRED);
        assertThat(d.matches()).singleElement().satisfies(m -> {
            assertThat(m.controlNumber()).isEqualTo("1C909.b");
            assertThat(m.status()).isEqualTo(MatchStatus.SUSPENDED);
            assertThat(m.legalBasis()).contains("2025 No. 57");
        });
    }

    @Test
    void dateDefaultsToToday() {
        Determination d = ENGINE.determine(request("Holmium oxide", Map.of("Ho", 87.3), "DE", null), TODAY);

        assertThat(d.asOf()).isEqualTo(TODAY);
        assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
        assertThat(d.warnings()).anyMatch(w -> w.contains("2026-11-10") && w.contains("not verified"));
    }

    @Test
    void inferredControlNumbersAreFlaggedInTheMatchAndTheWarnings() {
        Determination d = ENGINE.determine(request("Yttrium oxide", Map.of("Y", 78.7), "DE", "2025-05-01"), TODAY);

        assertThat(d.matches()).singleElement().satisfies(m -> {
            assertThat(m.controlNumber()).isEqualTo("1C908.b");
            assertThat(m.controlNumberConfidence()).isEqualTo(Confidence.INFERRED);
        });
        assertThat(d.warnings()).anyMatch(w -> w.contains("1C908.b is inferred"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        unknown element          | Dysprosium oxide | -       | -          | Xx:10       | DE  | 2025-05-01 | item.elements.Xx
        negative percent         | Dysprosium oxide | -       | -          | Dy:-1       | DE  | 2025-05-01 | item.elements.Dy
        percent above 100        | Dysprosium oxide | -       | -          | Dy:101      | DE  | 2025-05-01 | item.elements.Dy
        sum above 100            | Dysprosium oxide | -       | -          | Dy:80;O:30  | DE  | 2025-05-01 | item.elements
        unknown country          | Dysprosium oxide | -       | -          | Dy:87       | XX  | 2025-05-01 | destination
        missing description      | -                | -       | -          | Dy:87       | DE  | 2025-05-01 | item.description
        nothing to match         | Dysprosium oxide | -       | -          | -           | DE  | 2025-05-01 | item
        malformed HS code        | Dysprosium oxide | -       | 28A6       | -           | DE  | 2025-05-01 | item.hsCode
        too short HS code        | Dysprosium oxide | -       | 2846       | -           | DE  | 2025-05-01 | item.hsCode
        date before range        | Dysprosium oxide | -       | -          | Dy:87       | DE  | 1989-12-31 | date
        date after range         | Dysprosium oxide | -       | -          | Dy:87       | DE  | 2101-01-01 | date
        unparseable date         | Dysprosium oxide | -       | -          | Dy:87       | DE  | 01/05/2025 | date
        unknown control number   | Dysprosium oxide | 1C999   | -          | -           | DE  | 2025-05-01 | item.controlNumber
        malformed control number | Dysprosium oxide | DY-OX   | -          | -           | DE  | 2025-05-01 | item.controlNumber
        """)
    void refusesBadInputNamingTheField(
            String name,
            @Nullable String description,
            @Nullable String controlNumber,
            @Nullable String hsCode,
            @Nullable String elements,
            String destination,
            String date,
            String field) {
        var request = new DeterminationRequest(
                new DeterminationRequest.Item(controlNumber, hsCode, description, elements(elements)),
                destination,
                null,
                date,
                null,
                null);

        assertThatThrownBy(() -> ENGINE.determine(request, TODAY))
                .isInstanceOfSatisfying(ControlListProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(422);
                    assertThat(p.fieldProblems())
                            .extracting(FieldProblem::field)
                            .contains(field);
                });
    }

    @Test
    void aDeMinimisThresholdIgnoresTraces() {
        var strict = new DeterminationEngine(
                CatalogueIndex.of(ControlListYaml.parseClasspath().data()), new BigDecimal("0.1"));
        var trace = request("NdFeB magnet", Map.of("Nd", 31.0, "Dy", 0.05, "Fe", 67.95, "B", 1.0), "DE", "2025-05-01");

        assertThat(strict.determine(trace, TODAY).outcome()).isEqualTo(Outcome.NOT_REQUIRED);
        assertThat(ENGINE.determine(trace, TODAY).outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    }

    @Test
    void determinationIsFastEnoughToBenchmark() {
        var request = request(
                "Sintered NdFeB magnet with dysprosium",
                Map.of("Nd", 28.0, "Dy", 3.0, "Fe", 68.0, "B", 1.0),
                "DE",
                "2025-05-01");
        for (int i = 0; i < 2_000; i++) {
            ENGINE.determine(request, TODAY);
        }
        long start = System.nanoTime();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            ENGINE.determine(request, TODAY);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / n;
        // Generous bound for a shared CI core; the point is "no I/O per request", which would cost milliseconds.
        assertThat(micros).isLessThan(1_000.0);
    }

    static DeterminationRequest request(
            String description, Map<String, Double> elements, String destination, @Nullable String date) {
        return new DeterminationRequest(
                new DeterminationRequest.Item(null, null, description, new LinkedHashMap<>(elements)),
                destination,
                "OTHER",
                date,
                null,
                null);
    }

    static @Nullable Map<String, @Nullable Object> elements(@Nullable String spec) {
        if (spec == null) {
            return null;
        }
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (String pair : spec.split(";")) {
            String[] kv = pair.split(":");
            m.put(kv[0].strip(), new BigDecimal(kv[1].strip()));
        }
        return m;
    }
}
