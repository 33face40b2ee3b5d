package org.lodestone.screening.lists.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestone.screening.lists.ListEntry;
import org.lodestone.screening.lists.ListFormat;
import org.lodestone.screening.matching.EntryIdentifier;

/**
 * Each list format read from a small fixture written in that format (src/test/resources/screening/lists), and the bad
 * input of #4: malformed CSV rows and JSON lines, empty names, names of 10,000 characters, mixed scripts, invalid
 * UTF-8, and a file of another format than declared.
 */
class ListFileReaderTests {

    record Read(List<ListEntry> entries, List<Long> entryLines, List<String> rejected, int skipped) {
        ListEntry get(String id) {
            return entries.stream()
                    .filter(e -> e.entryId().equals(id))
                    .findFirst()
                    .orElseThrow();
        }
    }

    static Read read(ListFormat format, InputStream in) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int[] skipped = {0};
        ListFileReader.of(format).read(in, new ImportSink() {
            @Override
            public void entry(long line, ListEntry entry) {
                entries.add(entry);
                lines.add(line);
            }

            @Override
            public void skipped(long line) {
                skipped[0]++;
            }

            @Override
            public void rejected(long line, String reason, String excerpt) {
                rejected.add(line + ": " + reason);
            }
        });
        return new Read(entries, lines, rejected, skipped[0]);
    }

    static Read fixture(ListFormat format, String file) throws IOException {
        try (InputStream in = ListFileReaderTests.class.getResourceAsStream("/screening/lists/" + file)) {
            return read(format, in);
        }
    }

    static Read text(ListFormat format, String text) throws IOException {
        return read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Read bytes(ListFormat format, byte[] bytes) throws IOException {
        return read(format, new ByteArrayInputStream(bytes));
    }

    // ---- formats

    @Test
    void followTheMoneyEntitiesImportPartiesAndSkipOtherSchemas() throws IOException {
        Read r = fixture(ListFormat.FTM_JSON, "entities.ftm.json");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.entries()).hasSize(7);
        assertThat(r.skipped()).as("Address, Sanction, Ownership").isEqualTo(3);
        ListEntry company = r.get("NK-aB3dEf9");
        assertThat(company.schema()).isEqualTo("Company");
        assertThat(company.names())
                .containsExactly("Rosgeo Rare Metals JSC", "АО Росгео Редкие Металлы", "Rosgeo RM")
                .as("weak aliases are too weak to match on")
                .doesNotContain("RRM");
        assertThat(company.countries()).containsExactly("RU");
        assertThat(company.identifiers())
                .contains(
                        new EntryIdentifier("innCode", "7701234567"), new EntryIdentifier("ogrnCode", "1027700001234"));
        assertThat(company.programme()).isEqualTo("EU-RUS-833");
        assertThat(company.listedOn()).hasToString("2022-03-01");
        assertThat(company.sourceUrl()).isEqualTo("https://example.org/eu/rrm");
        assertThat(company.remarks()).contains("rare-earth concentrates").contains("eu_fsf");
        ListEntry person = r.get("NK-Per5on1");
        assertThat(person.names()).contains("Иван Петрович Сидоров", "Ivan Sidorenko");
        assertThat(person.countries()).containsExactly("BY", "RU");
        assertThat(person.identifiers()).contains(new EntryIdentifier("passportNumber", "7512345678"));
        assertThat(r.get("NK-0rg1").caption()).isEqualTo("深圳稀土科技有限公司");
        assertThat(r.get("NK-Ves5el1").countries()).containsExactly("PA");
        assertThat(r.get("NK-Air1").schema()).isEqualTo("Airplane");
        assertThat(r.entryLines()).startsWith(1L, 3L);
    }

    @Test
    void openSanctionsSimpleCsvReadsMultiValuesAndQuotedCommas() throws IOException {
        Read r = fixture(ListFormat.OPENSANCTIONS_SIMPLE_CSV, "targets.simple.csv");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.entries()).hasSize(5);
        ListEntry person = r.get("NK-Per5on1");
        assertThat(person.names()).containsExactly("Ivan Petrovich Sidorov", "Иван Петрович Сидоров", "Sidorov Ivan");
        assertThat(person.countries()).containsExactly("BY", "RU");
        assertThat(person.identifiers()).containsExactly(new EntryIdentifier("", "7512345678"));
        assertThat(person.programme()).isEqualTo("RUSSIA-EO14024");
        assertThat(person.legalBasis()).isEqualTo("OFAC - Russia-related Designations");
        assertThat(r.get("NK-0rg1").names()).containsExactly("深圳稀土科技有限公司", "Shenzhen Rare Earth Technology Co., Ltd.");
        assertThat(r.get("NK-Pb1").names()).contains("وزارة الصناعة النموذجية");
        assertThat(r.entryLines()).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void consolidatedScreeningListCsvMapsTypesAddressesAndIds() throws IOException {
        Read r = fixture(ListFormat.CSL_CSV, "csl.csv");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.entries()).hasSize(5);
        ListEntry el = r.get("a1b2c3d4e5f60718293a4b5c6d7e8f9001122334");
        assertThat(el.schema()).isEqualTo("LegalEntity");
        assertThat(el.names()).containsExactly("Shenzhen Rare Earth Technology Co. Ltd.", "深圳稀土科技有限公司", "SRET");
        assertThat(el.countries()).containsExactly("CN");
        assertThat(el.identifiers()).containsExactly(new EntryIdentifier("Registration ID", "91440300MA5ABCDE1X"));
        assertThat(el.programme()).isEqualTo("Entity List (EL) - Bureau of Industry and Security · EAR");
        assertThat(el.legalBasis()).isEqualTo("86 FR 12345");
        assertThat(el.sourceUrl()).isEqualTo("https://example.gov/el/info");
        ListEntry sdn = r.get("b2c3d4e5f60718293a4b5c6d7e8f900112233445");
        assertThat(sdn.schema()).isEqualTo("Person");
        assertThat(sdn.names()).contains("SIDOROV, Ivan Petrovich", "Иван Петрович Сидоров");
        assertThat(sdn.countries()).containsExactly("BY", "RU");
        assertThat(sdn.identifiers()).containsExactly(new EntryIdentifier("Passport", "7512345678"));
        assertThat(r.get("c3d4e5f60718293a4b5c6d7e8f90011223344556").schema()).isEqualTo("Vessel");
        assertThat(r.get("e5f60718293a4b5c6d7e8f900112233445566778").schema()).isEqualTo("Airplane");
        assertThat(r.get("d4e5f60718293a4b5c6d7e8f9001122334455667").countries())
                .containsExactly("AE");
    }

    @Test
    void consolidatedScreeningListJsonGivesTheSameEntriesAsTheCsv() throws IOException {
        Read json = fixture(ListFormat.CSL_JSON, "csl.json");
        Read csv = fixture(ListFormat.CSL_CSV, "csl.csv");
        assertThat(json.rejected()).isEmpty();
        assertThat(json.entries()).hasSize(3);
        for (ListEntry e : json.entries()) {
            ListEntry c = csv.get(e.entryId());
            assertThat(e.names()).as(e.entryId()).containsExactlyElementsOf(c.names());
            assertThat(e.schema()).isEqualTo(c.schema());
            assertThat(e.programme()).isEqualTo(c.programme());
        }
        assertThat(json.get("b2c3d4e5f60718293a4b5c6d7e8f900112233445").countries())
                .containsExactly("BY", "RU");
        assertThat(json.entryLines().getFirst())
                .as("line where the result starts")
                .isEqualTo(5L);
    }

    @Test
    void lodestoneCsvReadsEveryColumnAndQuotedMultiLineFields() throws IOException {
        Read r = fixture(ListFormat.LODESTONE_CSV, "national.csv");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.entries()).hasSize(5);
        ListEntry uel = r.get("NL-001");
        assertThat(uel.names()).containsExactly("Example Magnetics Trading Co.", "示例磁材贸易有限公司", "EMT Co.", "示例磁材");
        assertThat(uel.countries()).containsExactly("CN", "HK");
        assertThat(uel.identifiers()).containsExactly(new EntryIdentifier("uscc", "91360700MA35EXAMPLE"));
        assertThat(uel.programme()).isEqualTo("Unreliable Entity List: Rare-earth magnets");
        assertThat(uel.legalBasis()).isEqualTo("Provisions on the Unreliable Entity List Art. 2");
        assertThat(uel.listedOn()).hasToString("2024-10-01");
        ListEntry eri = r.get("NL-003");
        assertThat(eri.caption()).isEqualTo("Example Research Institute, Branch \"North\"");
        assertThat(eri.remarks()).isEqualTo("Multi-line remark:\nsecond line of the remark");
        assertThat(r.entryLines()).containsExactly(2L, 3L, 4L, 6L, 7L);
    }

    @Test
    void theFingerprintChangesWithAnyFieldAndOnlyThen() throws IOException {
        Read a = fixture(ListFormat.LODESTONE_CSV, "national.csv");
        Read b = fixture(ListFormat.LODESTONE_CSV, "national.csv");
        assertThat(a.get("NL-001").fingerprint()).isEqualTo(b.get("NL-001").fingerprint());
        Read changed = text(ListFormat.LODESTONE_CSV, """
                id,schema,name,countries
                NL-001,Company,Example Magnetics Trading Co.,CN
                NL-001b,Company,Example Magnetics Trading Co.,CN;HK
                """);
        assertThat(changed.get("NL-001").fingerprint())
                .isNotEqualTo(changed.get("NL-001b").fingerprint());
    }

    // ---- bad input

    @Test
    void malformedCsvRowsAreRejectedWithTheirLineAndTheRestIsRead() throws IOException {
        Read r = text(ListFormat.LODESTONE_CSV, """
                id,schema,name,countries
                A1,Company,Good One,CN
                A2,Company,Too,Many,Fields,Here
                A3,Company,"Bad "quote" here",CN
                A4,Dragon,Unknown Schema Ltd,CN
                A5,Company,Good Two,XYZ
                A6,Company,Good Three,RU
                A7,Company,Good Four,XX
                """);
        assertThat(r.entries()).extracting(ListEntry::entryId).containsExactly("A1", "A6");
        assertThat(r.rejected())
                .containsExactly(
                        "3: expected 4 fields as in the header, found 6",
                        "4: unexpected character 'q' after a closing quote in field 3",
                        "5: unknown schema 'Dragon' (expected one of [Airplane, Company, LegalEntity, Organization,"
                                + " Person, PublicBody, Vessel])",
                        "6: country 'XYZ' is not an ISO 3166-1 alpha-2 code",
                        "8: country 'XX' is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void anUnclosedQuoteRejectsOneRecordNotTheFile() throws IOException {
        Read r = text(ListFormat.LODESTONE_CSV, "id,schema,name\nA1,Company,\"never closed\nA2,Company,Fine\n");
        assertThat(r.entries()).isEmpty();
        assertThat(r.rejected()).containsExactly("2: a quoted field is not closed");
    }

    @Test
    void emptyNamesAreRejected() throws IOException {
        Read csv =
                text(ListFormat.LODESTONE_CSV, "id,schema,name\nA1,Company,\"   \"\nA2,Person,\nA3,Person,Real Name\n");
        assertThat(csv.rejected()).containsExactly("2: the entry has no name", "3: the entry has no name");
        Read ftm = text(ListFormat.FTM_JSON, """
                {"id":"x1","schema":"Person","properties":{"name":["Someone"]}}
                {"id":"x2","schema":"Person","properties":{"name":[""]}}
                {"id":"x3","schema":"Person","properties":{}}
                """);
        assertThat(ftm.rejected()).containsExactly("2: the entity has no name", "3: the entity has no name");
    }

    @Test
    void namesOfTenThousandCharactersAreRejectedSayingWhy() throws IOException {
        String huge = "Ж".repeat(10_000);
        Read r = text(
                ListFormat.LODESTONE_CSV,
                "id,schema,name,aliases\nA1,Company,Fine,\nA2,Company,Fine Too," + huge + "\nA3,Company," + huge
                        + ",\n");
        assertThat(r.entries()).extracting(ListEntry::entryId).containsExactly("A1");
        assertThat(r.rejected())
                .containsExactly(
                        "3: a name is longer than 1000 characters", "4: a name is longer than 1000 characters");
    }

    @Test
    void mixedScriptsAreKeptAsWritten() throws IOException {
        Read r = text(ListFormat.LODESTONE_CSV, """
                id,schema,name,aliases
                M1,Company,Rosgeo Росгео 稀土 شركة,Ελληνική Εταιρεία;ＦＵＬＬＷＩＤＴＨ
                """);
        assertThat(r.get("M1").names()).containsExactly("Rosgeo Росгео 稀土 شركة", "Ελληνική Εταιρεία", "ＦＵＬＬＷＩＤＴＨ");
    }

    @Test
    void invalidUtf8RejectsThatLineWithTheByteAndTheRestIsRead() throws IOException {
        var out = new ByteArrayOutputStream();
        out.writeBytes("id,schema,name\nA1,Company,Good\nA2,Company,Bad ".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        out.writeBytes("\nA3,Company,Also Good\n".getBytes(StandardCharsets.UTF_8));
        Read r = bytes(ListFormat.LODESTONE_CSV, out.toByteArray());
        assertThat(r.entries()).extracting(ListEntry::entryId).containsExactly("A1", "A3");
        assertThat(r.rejected()).containsExactly("3: invalid UTF-8 at byte 16 of the line");

        var json = new ByteArrayOutputStream();
        json.writeBytes("{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n{\"id\":\"x2\",\"s"
                .getBytes(StandardCharsets.UTF_8));
        json.writeBytes(new byte[] {(byte) 0xFF});
        json.writeBytes("\":1}\n{\"id\":\"x3\",\"schema\":\"Person\",\"properties\":{\"name\":[\"B\"]}}\n"
                .getBytes(StandardCharsets.UTF_8));
        Read f = bytes(ListFormat.FTM_JSON, json.toByteArray());
        assertThat(f.entries()).extracting(ListEntry::entryId).containsExactly("x1", "x3");
        assertThat(f.rejected()).singleElement().asString().startsWith("2: invalid UTF-8 at byte 14");
    }

    @Test
    void malformedJsonLinesAreRejectedAndTheRestIsRead() throws IOException {
        Read r = text(ListFormat.FTM_JSON, """
                {"id":"x1","schema":"Person","properties":{"name":["A"]}}
                {"id":"x2","schema":"Person","properties":{"name":["B"]
                [1, 2, 3]
                {"schema":"Company","properties":{"name":["No Id"]}}
                {"id":"x5","schema":"Company","properties":{"name":["E"]}}
                """);
        assertThat(r.entries()).extracting(ListEntry::entryId).containsExactly("x1", "x5");
        assertThat(r.rejected()).hasSize(3);
        assertThat(r.rejected().get(0)).startsWith("2: malformed JSON");
        assertThat(r.rejected().get(1)).isEqualTo("3: the line is not a JSON object");
        assertThat(r.rejected().get(2)).isEqualTo("4: the entry has no id");
    }

    @Test
    void aFileOfAnotherFormatThanDeclaredIsRefusedAsAWhole() {
        assertThatThrownBy(() -> fixture(ListFormat.LODESTONE_CSV, "entities.ftm.json"))
                .isInstanceOf(NotTheDeclaredFormat.class)
                .hasMessageContaining("lodestone-csv");
        assertThatThrownBy(() -> fixture(ListFormat.FTM_JSON, "national.csv"))
                .isInstanceOf(NotTheDeclaredFormat.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> fixture(ListFormat.CSL_JSON, "entities.ftm.json"))
                .isInstanceOf(NotTheDeclaredFormat.class)
                .hasMessageContaining("no \"results\" array");
        assertThatThrownBy(() -> fixture(ListFormat.CSL_CSV, "targets.simple.csv"))
                .isInstanceOf(NotTheDeclaredFormat.class)
                .hasMessageContaining("_id");
        assertThatThrownBy(() -> fixture(ListFormat.OPENSANCTIONS_SIMPLE_CSV, "csl.json"))
                .isInstanceOf(NotTheDeclaredFormat.class);
        assertThatThrownBy(() -> text(ListFormat.LODESTONE_CSV, ""))
                .isInstanceOf(NotTheDeclaredFormat.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aBrokenJsonDocumentFailsWithItsLine() {
        assertThatThrownBy(() ->
                        text(ListFormat.CSL_JSON, "{\"results\": [\n{\"id\": \"1\", \"name\": \"A\"},\n{oops}\n]}"))
                .isInstanceOf(MalformedDocument.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void anOverlongLineIsRejectedWithoutBeingBuffered() throws IOException {
        String longLine = "A2,Company," + "x".repeat(Lines.MAX_LINE_BYTES + 10);
        Read r = text(ListFormat.LODESTONE_CSV, "id,schema,name\nA1,Company,Fine\n" + longLine + "\nA3,Company,Ok\n");
        assertThat(r.entries()).extracting(ListEntry::entryId).containsExactly("A1", "A3");
        assertThat(r.rejected()).containsExactly("3: the line is longer than 1048576 bytes");
    }
}
