package org.lodestone.licensing.licence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.licensing.licence.store.LicenceStore;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.shared.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A ledger on a bare database, without Spring: an exporter and an authority, audit and events kept in memory. */
final class TestLedgers {

    static final OrganisationId EXPORTER = new OrganisationId(UUID.randomUUID());
    static final OrganisationId AUTHORITY = new OrganisationId(UUID.randomUUID());

    final LicenceLedger ledger;
    final LicenceStore store;
    final List<AuditRecord> audited = new CopyOnWriteArrayList<>();
    final List<Object> events = new CopyOnWriteArrayList<>();

    TestLedgers(DataSource dataSource, Clock clock) {
        store = new LicenceStore(JdbcClient.create(dataSource), ProtectionFixtures.protection(dataSource));
        ledger = new LicenceLedger(
                store,
                new DataSourceTransactionManager(dataSource),
                new RecordingTrail(audited),
                new TwoOrganisations(),
                events::add,
                clock,
                LicenceProperties.defaults());
    }

    private record RecordingTrail(List<AuditRecord> audited) implements AuditTrail {
        @Override
        public AuditEntry record(AuditRecord record) {
            audited.add(record);
            return new AuditEntry(
                    audited.size(),
                    Instant.now(),
                    "test",
                    null,
                    record.action(),
                    record.objectType(),
                    record.objectId(),
                    record.outcome(),
                    record.detail(),
                    null,
                    "",
                    "");
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> find(AuditQuery query) {
            return List.of();
        }
    }

    private static final class TwoOrganisations implements Identity {
        private final Map<OrganisationId, OrganisationProfile> orgs = Map.of(
                EXPORTER,
                new OrganisationProfile(
                        EXPORTER,
                        "Test Magnets Co., Ltd.",
                        "测试磁材有限公司",
                        OrganisationKind.EXPORTER,
                        new CountryCode("CN"),
                        "CN-JX",
                        null),
                AUTHORITY,
                new OrganisationProfile(
                        AUTHORITY,
                        "Test Bureau",
                        null,
                        OrganisationKind.AUTHORITY,
                        new CountryCode("CN"),
                        "CN-JX",
                        "CN-JX"));

        @Override
        public Optional<CurrentUser> currentUser() {
            return Optional.empty();
        }

        @Override
        public Optional<OrganisationProfile> organisation(OrganisationId id) {
            return Optional.ofNullable(orgs.get(id));
        }

        @Override
        public List<OrganisationProfile> organisations(OrganisationKind kind) {
            return orgs.values().stream().filter(o -> o.kind() == kind).toList();
        }

        @Override
        public List<UserContact> members(OrganisationId organisation, Role role) {
            return List.of();
        }
    }
}
