package org.lodestone.screening.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch CSV reader and writer (#4): RFC 4180 quoting, line numbers in errors, formula-safe output. */
class CsvUnitTests {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Csv.Malformed {
        List<Csv.Row> rows = Csv.parse("\uFEFFname,ref\r\n\"Acme, \"\"Ltd\"\"\",1\n\"two\nlines\",2\n\n3rd,3", 10);
        assertThat(rows)
                .extracting(Csv.Row::fields)
                .containsExactly(
                        List.of("name", "ref"),
                        List.of("Acme, \"Ltd\"", "1"),
                        List.of("two\nlines", "2"),
                        List.of("3rd", "3"));
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 6);
    }

    @Test
    void malformedInputNamesItsLine() {
        assertThatThrownBy(() -> Csv.parse("name\n\"open", 10))
                .isInstanceOf(Csv.Malformed.class)
                .hasMessageContaining("not closed")
                .satisfies(e -> assertThat(((Csv.Malformed) e).line).isEqualTo(2));
        assertThatThrownBy(() -> Csv.parse("name\nab\"c\n", 10)).hasMessageContaining("quote inside");
        assertThatThrownBy(() -> Csv.parse("name\n\"a\"b\n", 10)).hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> Csv.parse("name\na\nb\nc\n", 3)).hasMessageContaining("more than 2 rows");
    }

    @Test
    void outputIsQuotedAndNeverAFormula() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("-2")).isEqualTo("'-2");
    }
}
