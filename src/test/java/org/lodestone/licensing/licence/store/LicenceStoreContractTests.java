package org.lodestone.licensing.licence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.LicenceType;
import org.lodestone.licensing.Shipment;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.shared.CountryCode;
import org.lodestone.support.TestDatabases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The licence tables on every supported database (#3): a licence round-trips with its frozen parties (Chinese names
 * included), lines and conditions; numbers come from a sequence; depletion is conditional; status changes honour the
 * version; shipment references are unique per licence; expired licences are found.
 */
class LicenceStoreContractTests {

    static final OrganisationId HOLDER = new OrganisationId(UUID.randomUUID());
    static final OrganisationId AUTHORITY = new OrganisationId(UUID.randomUUID());
    static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    abstract static class Contract {

        LicenceStore store;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            DataSource ds = freshDatabase();
            store = new LicenceStore(JdbcClient.create(ds), ProtectionFixtures.protection(ds));
        }

        @Test
        void licenceRoundTripsWithPartiesLinesAndConditions() {
            Licence l = licence("CN-EX-2026-000001", HOLDER, LocalDate.parse("2026-12-31"));
            store.insert(l, "ABCDEFGHJKMN", "hash");

            Licence read = store.find(l.number()).orElseThrow();
            assertThat(read).isEqualTo(l);
            assertThat(read.endUser().nameOriginal()).isEqualTo("稀土电机有限公司");
            assertThat(store.findByApplication(l.applicationId())).contains(l);
            assertThat(store.checkCode(l.number())).contains(new LicenceStore.CheckCode("ABCDEFGHJKMN", "hash"));
            assertThat(store.find(new LicenceNumber("CN-EX-2026-999999"))).isEmpty();
        }

        @Test
        void numbersComeFromASequence() {
            long first = store.nextNumber();
            assertThat(store.nextNumber()).isEqualTo(first + 1);
        }

        @Test
        void depletionIsConditionalOnWhatIsLeft() {
            Licence l = licence("CN-EX-2026-000002", HOLDER, LocalDate.parse("2026-12-31"));
            store.insert(l, "C", "h");
            assertThat(store.deplete(l.id(), 1, new BigDecimal("60"))).isTrue();
            assertThat(store.deplete(l.id(), 1, new BigDecimal("60"))).isFalse();
            assertThat(store.remaining(l.id(), 1))
                    .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("40"));
            assertThat(store.allLinesAtZero(l.id())).isFalse();
            assertThat(store.deplete(l.id(), 1, new BigDecimal("40"))).isTrue();
            assertThat(store.deplete(l.id(), 2, new BigDecimal("0.5"))).isTrue();
            assertThat(store.allLinesAtZero(l.id())).isTrue();
            assertThat(store.deplete(l.id(), 3, BigDecimal.ONE)).isFalse();
        }

        @Test
        void statusChangesHonourStatusAndVersion() {
            Licence l = licence("CN-EX-2026-000003", HOLDER, LocalDate.parse("2026-12-31"));
            store.insert(l, "C", "h");
            assertThat(store.changeStatus(l.id(), LicenceStatus.ISSUED, LicenceStatus.SUSPENDED, "r", AT, 1L))
                    .isFalse();
            assertThat(store.changeStatus(l.id(), LicenceStatus.SUSPENDED, LicenceStatus.ISSUED, null, AT, 0L))
                    .isFalse();
            assertThat(store.changeStatus(l.id(), LicenceStatus.ISSUED, LicenceStatus.SUSPENDED, "r", AT, 0L))
                    .isTrue();
            Licence read = store.find(l.number()).orElseThrow();
            assertThat(read.status()).isEqualTo(LicenceStatus.SUSPENDED);
            assertThat(read.statusReason()).isEqualTo("r");
            assertThat(read.version()).isEqualTo(1);
            assertThat(store.changeStatus(l.id(), LicenceStatus.SUSPENDED, LicenceStatus.REVOKED, "x", AT, null))
                    .isTrue();
            assertThat(store.find(l.number()).orElseThrow().version()).isEqualTo(2);
        }

        @Test
        void shipmentReferencesAreUniquePerLicence() {
            Licence l = licence("CN-EX-2026-000004", HOLDER, LocalDate.parse("2026-12-31"));
            Licence other = licence("CN-EX-2026-000005", HOLDER, LocalDate.parse("2026-12-31"));
            store.insert(l, "C", "h");
            store.insert(other, "C", "h");
            Shipment s = shipment(l, "DECL-1");
            store.insertShipment(l.id(), s);
            store.insertShipment(other.id(), shipment(other, "DECL-1"));

            assertThat(store.shipmentByReference(l.id(), l.number(), "DECL-1")).contains(s);
            assertThat(store.shipments(l.id(), l.number())).containsExactly(s);
            assertThatThrownBy(() -> store.insertShipment(l.id(), shipment(l, "DECL-1")))
                    .isInstanceOf(DuplicateKeyException.class);
        }

        @Test
        void listsByHolderOrAuthorityAndFindsExpired() {
            Licence old = licence("CN-EX-2025-000006", HOLDER, LocalDate.parse("2025-12-31"));
            Licence current =
                    licence("CN-EX-2026-000007", new OrganisationId(UUID.randomUUID()), LocalDate.parse("2026-12-31"));
            store.insert(old, "C", "h");
            store.insert(current, "C", "h");
            assertThat(store.list(HOLDER, null)).extracting(Licence::number).containsExactly(old.number());
            assertThat(store.list(null, AUTHORITY)).hasSize(2);
            assertThat(store.list(null, null)).hasSize(2);
            assertThat(store.expiredButNotMarked(LocalDate.parse("2026-01-01")))
                    .extracting(Licence::number)
                    .containsExactly(old.number());
            assertThat(store.count()).isEqualTo(2);
        }

        private static Shipment shipment(Licence l, String reference) {
            return new Shipment(
                    UUID.randomUUID(),
                    l.number(),
                    LocalDate.parse("2026-03-02"),
                    reference,
                    "Motorenwerk",
                    "TEST",
                    List.of(new Shipment.Line(1, new BigDecimal("500"), "g", new BigDecimal("0.5"), "kg")),
                    AT,
                    "applicant",
                    false);
        }

        private static Licence licence(String number, OrganisationId holder, LocalDate validTo) {
            return new Licence(
                    UUID.randomUUID(),
                    new LicenceNumber(number),
                    LicenceType.SINGLE,
                    LicenceStatus.ISSUED,
                    null,
                    new ApplicationId(UUID.randomUUID()),
                    "APP-1",
                    holder,
                    "Demo Magnetics Co., Ltd.",
                    "演示磁材有限公司",
                    AUTHORITY,
                    "Jiangxi Provincial Department of Commerce",
                    "江西省商务厅",
                    new LicenceParty("Demo Motorenwerk GmbH", null, new CountryCode("DE")),
                    new LicenceParty("Rare Earth Motors", "稀土电机有限公司", new CountryCode("CN")),
                    List.of(
                            new LicenceLine(
                                    1,
                                    "1C905.b",
                                    "dy-oxide",
                                    "Dysprosium oxide",
                                    new BigDecimal("100"),
                                    new BigDecimal("100"),
                                    "kg",
                                    new BigDecimal("285.5"),
                                    "USD"),
                            new LicenceLine(
                                    2,
                                    null,
                                    "tb-oxide",
                                    "Terbium oxide",
                                    new BigDecimal("0.5"),
                                    new BigDecimal("0.5"),
                                    "t",
                                    new BigDecimal("1150"),
                                    "EUR")),
                    List.of("First condition.", "Second condition."),
                    validTo.minusYears(1).plusDays(1),
                    validTo,
                    AT,
                    "system",
                    0);
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
