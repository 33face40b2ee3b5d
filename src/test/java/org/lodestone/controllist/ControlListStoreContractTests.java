package org.lodestone.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.controllist.store.ControlListStore;
import org.lodestone.support.TestDatabases;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The store on H2 and on PostgreSQL: seeding from the data file, reading it back, adding and closing versions (#2). */
class ControlListStoreContractTests {

    abstract static class Contract {

        ControlListStore store;
        ControlListYaml.Parsed parsed = ControlListYaml.parseClasspath();
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        abstract DataSource dataSource();

        @BeforeEach
        void seed() {
            store = new ControlListStore(JdbcClient.create(dataSource()));
            assertThat(store.isEmpty()).isTrue();
            store.load(parsed.data(), parsed.sha256(), ControlListYaml.RESOURCE, "system", now);
        }

        @Test
        void readsBackWhatWasLoaded() {
            CatalogueData read = store.readAll();

            assertThat(store.isEmpty()).isFalse();
            assertThat(read.revision()).isEqualTo(parsed.data().revision());
            assertThat(read.entries()).hasSameSizeAs(parsed.data().entries());
            assertThat(read.legalActs()).hasSameSizeAs(parsed.data().legalActs());
            assertThat(read.rules())
                    .usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyInAnyOrderElementsOf(parsed.data().rules());
            ControlEntry sm = read.entries().stream()
                    .filter(e -> e.key().equals("sm-compounds"))
                    .findFirst()
                    .orElseThrow();
            ControlEntry expected = parsed.data().entries().stream()
                    .filter(e -> e.key().equals("sm-compounds"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sm.hsCodes()).isEqualTo(expected.hsCodes());
            assertThat(sm.forms()).isEqualTo(expected.forms());
            assertThat(sm.controlNumber()).isEqualTo("1C902.c");
            assertThat(sm.createdAt()).isEqualTo(now);
            assertThat(store.firstLoad()).hasValueSatisfying(l -> {
                assertThat(l.sha256()).isEqualTo(parsed.sha256());
                assertThat(l.entryCount()).isEqualTo(parsed.data().entries().size());
            });
            Suspension no70 = read.suspensions().stream()
                    .filter(s -> s.key().equals("mofcom-gac-2025-70"))
                    .findFirst()
                    .orElseThrow();
            assertThat(no70.endsOn()).isEqualTo(LocalDate.of(2026, 11, 10));
            assertThat(no70.extensionVerified()).isFalse();
            LegalAct no46 = read.legalActs().stream()
                    .filter(a -> a.key().equals("mofcom-2024-46"))
                    .findFirst()
                    .orElseThrow();
            assertThat(no46.issuedOnConfidence()).isEqualTo(Confidence.INFERRED);
        }

        @Test
        void amendsByClosingTheOpenVersionAndAddingOne() {
            List<ControlEntry> before = store.versions("dy-oxide");
            assertThat(before).hasSize(1);
            ControlEntry v1 = before.getFirst();

            assertThat(store.bumpVersion("dy-oxide", 0)).isTrue();
            assertThat(store.bumpVersion("dy-oxide", 0)).isFalse();
            store.closeVersion("dy-oxide", 1, LocalDate.of(2026, 12, 31));
            var v2 = new ControlEntry(
                    "dy-oxide",
                    2,
                    "1C905.b",
                    Confidence.SECONDARY,
                    List.of("Dy"),
                    List.of(ItemForm.OXIDE),
                    List.of(),
                    "Dysprosium oxide (amended)",
                    List.of(new HsReference("2846901993", Confidence.TEXT)),
                    "mofcom-gac-2025-18",
                    LocalDate.of(2027, 1, 1),
                    null,
                    Confidence.TEXT,
                    null,
                    "admin",
                    null);
            store.insertVersion(v2, "admin", now);

            List<ControlEntry> after = store.versions("dy-oxide");
            assertThat(after).extracting(ControlEntry::versionNo).containsExactly(1, 2);
            assertThat(after.get(0).effectiveTo()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(after.get(0).description()).isEqualTo(v1.description());
            assertThat(after.get(1).controlNumberConfidence()).isEqualTo(Confidence.SECONDARY);
            assertThat(after.get(1).hsCodes()).containsExactly(new HsReference("2846901993", Confidence.TEXT));
            assertThat(store.entryVersion("dy-oxide")).contains(1L);
            assertThatThrownBy(() -> store.closeVersion("dy-oxide", 1, LocalDate.of(2026, 6, 30)))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void refusesADuplicateVersionNumber() {
            ControlEntry v1 = store.versions("y-oxide").getFirst();
            assertThatThrownBy(() -> store.insertVersion(v1, "admin", now))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Nested
    class OnH2 extends Contract {
        final DataSource ds = TestDatabases.h2();

        @Override
        DataSource dataSource() {
            return ds;
        }
    }

    @Nested
    class OnPostgres extends Contract {
        final DataSource ds = TestDatabases.postgres();

        @Override
        DataSource dataSource() {
            return ds;
        }
    }
}
