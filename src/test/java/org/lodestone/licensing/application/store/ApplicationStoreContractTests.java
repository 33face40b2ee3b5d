package org.lodestone.licensing.application.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.controllist.ItemForm;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationContent;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.Declarations;
import org.lodestone.licensing.application.EndUse;
import org.lodestone.licensing.application.EndUseSector;
import org.lodestone.licensing.application.FieldChange;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.Production;
import org.lodestone.licensing.application.QuantityUnit;
import org.lodestone.licensing.application.Revision;
import org.lodestone.licensing.application.Snapshots;
import org.lodestone.licensing.application.StateChange;
import org.lodestone.licensing.application.Transition;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.support.TestDatabases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application store on H2 and PostgreSQL (#3): a whole aggregate round-trips unchanged (text in any script,
 * decimals, dates), the optimistic lock refuses a stale save and leaves the row untouched, references come from one
 * sequence, snapshots of any size are stored verbatim and diffable, and an idempotency key is unique per application.
 */
class ApplicationStoreContractTests {

    static final Instant AT = Instant.parse("2026-02-01T08:30:00Z");

    abstract static class Contract {

        ApplicationStore store;
        JdbcClient sql;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            DataSource ds = freshDatabase();
            sql = JdbcClient.create(ds);
            store = new ApplicationStore(sql, ProtectionFixtures.protection(ds));
        }

        @Test
        void aggregateRoundTripsUnchanged() {
            Application app = sample();
            store.insert(app);
            Application read = store.find(app.id()).orElseThrow();
            assertThat(read).isEqualTo(app);
            assertThat(read.content().parties().get(0).nameOriginal()).isEqualTo("稀土磁材 <b>&</b>");
        }

        @Test
        void aMoveChangesStateAndVersionButKeepsTheContentAndRefusesAStaleVersion() {
            Application app = sample();
            store.insert(app);
            Application moved = app.apply(Transition.SUBMIT, AT.plusSeconds(5));
            Application saved = store.saveMove(moved, 0).orElseThrow();
            assertThat(saved.version()).isEqualTo(1);
            Application read = store.find(app.id()).orElseThrow();
            assertThat(read).isEqualTo(saved);
            assertThat(read.content()).isEqualTo(app.content());
            assertThat(read.state()).isEqualTo(ApplicationState.SUBMITTED);
            assertThat(store.saveMove(moved, 0)).isEmpty();
            assertThat(store.find(app.id()).orElseThrow().version()).isEqualTo(1);
        }

        @Test
        void staleSaveChangesNothing() {
            Application app = sample();
            store.insert(app);
            Application edited = app.edit(app.content().withItems(List.of()), AT.plusSeconds(10));
            Application saved = store.save(edited, 0).orElseThrow();
            assertThat(saved.version()).isEqualTo(1);
            assertThat(store.find(app.id()).orElseThrow().content().items()).isEmpty();

            Application other = app.edit(app.content().withParties(List.of()), AT.plusSeconds(20));
            assertThat(store.save(other, 0)).isEmpty();
            Application now = store.find(app.id()).orElseThrow();
            assertThat(now.version()).isEqualTo(1);
            assertThat(now.content().parties()).hasSize(2);
        }

        @Test
        void stateAndRoutingAreSaved() {
            Application app = sample();
            store.insert(app);
            OrganisationId bureau = new OrganisationId(UUID.randomUUID());
            Application submitted =
                    app.apply(Transition.SUBMIT, AT.plusSeconds(60)).routedTo(bureau);
            store.save(submitted, 0).orElseThrow();
            Application read = store.find(app.id()).orElseThrow();
            assertThat(read.state()).isEqualTo(ApplicationState.SUBMITTED);
            assertThat(read.competentAuthority()).isEqualTo(bureau);
            assertThat(read.submittedAt()).isEqualTo(AT.plusSeconds(60));
            assertThat(read.revision()).isEqualTo(1);
            assertThat(store.list(ApplicationStore.Scope.ofAuthority(bureau), 0, 10))
                    .extracting(l -> l.id())
                    .containsExactly(app.id());
            assertThat(store.count(ApplicationStore.Scope.national("CN"))).isEqualTo(1);
            assertThat(store.count(ApplicationStore.Scope.national("DE"))).isZero();
        }

        @Test
        void listingIsScopedAndPaged() {
            OrganisationId mine = new OrganisationId(UUID.randomUUID());
            for (int i = 0; i < 5; i++) {
                store.insert(sample(mine, "LA-2026-00010" + i, AT.plusSeconds(i)));
            }
            store.insert(sample(new OrganisationId(UUID.randomUUID()), "LA-2026-000200", AT));
            var scope = ApplicationStore.Scope.ofApplicant(mine);
            assertThat(store.count(scope)).isEqualTo(5);
            var first = store.list(scope, 0, 2);
            assertThat(first).extracting(l -> l.reference()).containsExactly("LA-2026-000104", "LA-2026-000103");
            assertThat(first.get(0).consigneeName()).isEqualTo("Motorenwerk GmbH");
            assertThat(first.get(0).consigneeCountry()).isEqualTo("DE");
            assertThat(first.get(0).items()).isEqualTo(1);
            assertThat(store.list(scope, 4, 2)).hasSize(1);
            assertThat(store.count(ApplicationStore.Scope.national("CN")))
                    .as("drafts are not national")
                    .isZero();
        }

        @Test
        void referencesComeFromOneSequence() {
            long a = store.nextReferenceNumber();
            long b = store.nextReferenceNumber();
            assertThat(b).isEqualTo(a + 1);
        }

        @Test
        void referenceIsUnique() {
            store.insert(sample(new OrganisationId(UUID.randomUUID()), "LA-2026-000999", AT));
            assertThatThrownBy(() -> store.insert(sample(new OrganisationId(UUID.randomUUID()), "LA-2026-000999", AT)))
                    .isInstanceOf(DuplicateKeyException.class);
        }

        @Test
        void snapshotsOfAnySizeAreStoredVerbatimAndDiffable() {
            Application app = sample();
            store.insert(app);
            String first = Snapshots.write(app.content());
            store.insertRevision(app.id(), new Revision(1, ApplicationState.SUBMITTED, "applicant", AT), first);
            Item bigger = item(app.content().items().get(0).id(), new BigDecimal("1500"), "x".repeat(2000));
            String second = Snapshots.write(app.content().withItems(List.of(bigger)));
            store.insertRevision(
                    app.id(), new Revision(2, ApplicationState.IN_REVIEW, "applicant", AT.plusSeconds(5)), second);
            // a large revision: 200 items with long texts (well above 64 KB)
            List<Item> many = java.util.stream.IntStream.range(0, 200)
                    .mapToObj(i -> item(new BigDecimal(i + 1), "y".repeat(1500)))
                    .toList();
            String large = Snapshots.write(app.content().withItems(many));
            assertThat(large.length()).isGreaterThan(300_000);
            store.insertRevision(app.id(), new Revision(3, ApplicationState.IN_REVIEW, "applicant", AT), large);

            assertThat(store.revisionContent(app.id(), 1)).contains(first);
            assertThat(store.revisionContent(app.id(), 3)).contains(large);
            assertThat(store.revisions(app.id())).extracting(Revision::number).containsExactly(1, 2, 3);
            List<FieldChange> diff = Snapshots.diff(
                    store.revisionContent(app.id(), 1).orElseThrow(),
                    store.revisionContent(app.id(), 2).orElseThrow());
            assertThat(diff).contains(new FieldChange("items[0].quantity", "1200", "1500"));
            assertThat(diff).extracting(FieldChange::path).contains("items[0].specification");
        }

        @Test
        void historyKeepsEveryStateChangeInOrder() {
            Application app = sample();
            store.insert(app);
            String actorOrg = UUID.randomUUID().toString();
            store.insertStateChange(
                    app.id(), new StateChange(null, ApplicationState.DRAFT, "applicant", actorOrg, AT, null, 0));
            store.insertStateChange(
                    app.id(),
                    new StateChange(
                            ApplicationState.DRAFT,
                            ApplicationState.WITHDRAWN,
                            "applicant",
                            actorOrg,
                            AT.plusSeconds(1),
                            "cancelled",
                            0));
            assertThat(store.history(app.id()))
                    .extracting(StateChange::to, StateChange::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ApplicationState.DRAFT, null),
                            org.assertj.core.groups.Tuple.tuple(ApplicationState.WITHDRAWN, "cancelled"));
        }

        @Test
        void idempotencyKeyIsUniquePerApplication() {
            Application app = sample();
            store.insert(app);
            var answer = new ApplicationStore.StoredSubmission(200, "{\"state\":\"SUBMITTED\"}");
            store.insertSubmission(app.id(), "key-1", answer, AT);
            assertThat(store.submission(app.id(), "key-1")).contains(answer);
            assertThat(store.submission(app.id(), "key-2")).isEmpty();
            assertThatThrownBy(() -> store.insertSubmission(app.id(), "key-1", answer, AT))
                    .isInstanceOf(DuplicateKeyException.class);
            Application other = sample(new OrganisationId(UUID.randomUUID()), "LA-2026-000777", AT);
            store.insert(other);
            store.insertSubmission(other.id(), "key-1", answer, AT);
        }

        @Test
        void lockAnswersTheVersion() {
            Application app = sample();
            store.insert(app);
            assertThat(store.lock(app.id())).contains(0L);
            assertThat(store.lock(new ApplicationId(UUID.randomUUID()))).isEmpty();
        }

        static Application sample() {
            return sample(new OrganisationId(UUID.randomUUID()), "LA-2026-000001", AT);
        }

        static Application sample(OrganisationId applicant, String reference, Instant at) {
            Instant t = at.truncatedTo(ChronoUnit.MICROS);
            var content = new ApplicationContent(
                    UUID.randomUUID().toString(),
                    List.of(
                            new Party(
                                    UUID.randomUUID(),
                                    PartyRole.CONSIGNEE,
                                    "稀土磁材 <b>&</b>",
                                    "Motorenwerk GmbH",
                                    "DE",
                                    "Industriestr. 1\n80331 München",
                                    List.of(
                                            new Party.RegistrationIdentifier("HRB", "123456"),
                                            new Party.RegistrationIdentifier("VAT", "DE999")),
                                    new Party.Contact("Anna", "anna@example.de", null)),
                            new Party(
                                    UUID.randomUUID(),
                                    PartyRole.END_USER,
                                    null,
                                    "Antrieb AG",
                                    "DE",
                                    "Stuttgart",
                                    List.of(),
                                    null)),
                    List.of(item(new BigDecimal("1200"), null)),
                    new EndUse(EndUseSector.WIND_TURBINES, "Generator", "Statement"),
                    new Production("desc", "process", "site"),
                    new BusinessRelationship(
                            LocalDate.of(2019, 3, 1),
                            List.of(
                                    new BusinessRelationship.Volume(
                                            2023, new BigDecimal("7.5"), QuantityUnit.T, null, null),
                                    new BusinessRelationship.Volume(2024, null, null, new BigDecimal("640000"), "EUR")),
                            "notes"),
                    new Declarations(true, true, false, "Li Na", LocalDate.of(2026, 1, 15)));
            return Application.draft(
                    new ApplicationId(UUID.randomUUID()),
                    reference,
                    applicant,
                    "Exporter",
                    "CN",
                    "CN-JX",
                    content,
                    "applicant",
                    t);
        }

        static Item item(BigDecimal quantity, String spec) {
            return item(UUID.randomUUID(), quantity, spec);
        }

        static Item item(UUID id, BigDecimal quantity, String spec) {
            return new Item(
                    id,
                    "dy-metal-alloys-targets-magnets",
                    "1C905.a",
                    ItemForm.MAGNET,
                    "NdFeB magnet",
                    quantity,
                    QuantityUnit.KG,
                    new BigDecimal("85.5"),
                    "EUR",
                    Map.of("Dy", new BigDecimal("4.5"), "Nd", new BigDecimal("29.25")),
                    "8505111000",
                    spec);
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.postgres();
        }
    }
}
