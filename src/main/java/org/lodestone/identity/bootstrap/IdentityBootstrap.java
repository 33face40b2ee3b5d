package org.lodestone.identity.bootstrap;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.identity.admin.Administration;
import org.lodestone.identity.security.IdentityProperties;
import org.lodestone.identity.store.NewOrganisation;
import org.lodestone.identity.store.NewUser;
import org.lodestone.identity.store.Organisation;
import org.lodestone.identity.store.Organisations;
import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.Users;
import org.lodestone.shared.CountryCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up data. Demo mode ({@code lodestone.demo=true}) creates the demo organisations and users that are missing and
 * never overwrites existing ones. Production mode creates the bootstrap administrator if configured and then refuses to
 * start while no enabled ADMIN exists: an installation nobody can administer is useless and would tempt people into
 * database surgery. Runs before the web server opens. Guarded by {@code ProductionModeTests} and the demo-based tests.
 */
@Component
class IdentityBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    static final String DEMO_PASSWORD = "demo";

    /**
     * The fictional demo world: one exporter in Jiangxi, its German customer, the provincial bureau, the ministry and a
     * magnet maker reporting to the product-tracking system.
     */
    record DemoOrganisation(
            String key,
            String name,
            @Nullable String nameOriginal,
            OrganisationKind kind,
            String country,
            @Nullable String region,
            @Nullable String jurisdiction) {}

    record DemoUser(String username, String displayName, String organisationKey, Role role) {}

    static final List<DemoOrganisation> DEMO_ORGANISATIONS = List.of(
            new DemoOrganisation(
                    "exporter", "Demo Magnetics Co., Ltd.", "演示磁材有限公司", OrganisationKind.EXPORTER, "CN", "CN-JX", null),
            new DemoOrganisation(
                    "consignee", "Demo Motorenwerk GmbH", null, OrganisationKind.FOREIGN_PARTY, "DE", "DE-BY", null),
            new DemoOrganisation(
                    "bureau",
                    "Jiangxi Provincial Department of Commerce",
                    "江西省商务厅",
                    OrganisationKind.AUTHORITY,
                    "CN",
                    "CN-JX",
                    "CN-JX"),
            new DemoOrganisation(
                    "ministry", "Ministry of Commerce", "商务部", OrganisationKind.AUTHORITY, "CN", "CN-BJ", "CN"),
            new DemoOrganisation(
                    "magnetmaker",
                    "Demo Rare Earth Magnet Works Co., Ltd.",
                    "演示稀土永磁有限公司",
                    OrganisationKind.EXPORTER,
                    "CN",
                    "CN-JX",
                    null));

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("applicant", "Li Na (Applicant)", "exporter", Role.APPLICANT),
            new DemoUser("consignee", "Anna Weber (Consignee)", "consignee", Role.CONSIGNEE),
            new DemoUser("reviewer", "Wang Wei (Reviewer)", "bureau", Role.REVIEWER),
            new DemoUser("supervisor", "Zhang Min (Supervisor)", "bureau", Role.SUPERVISOR),
            new DemoUser("enforcement", "Chen Jie (Enforcement)", "ministry", Role.ENFORCEMENT),
            new DemoUser("auditor", "Liu Yang (Auditor)", "ministry", Role.AUDITOR),
            new DemoUser("admin", "Zhao Lei (Administrator)", "ministry", Role.ADMIN),
            new DemoUser("producer", "Sun Hao (Reporter)", "magnetmaker", Role.REPORTER));

    private final boolean demo;
    private final IdentityProperties properties;
    private final Organisations organisations;
    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    IdentityBootstrap(
            @Value("${lodestone.demo:true}") boolean demo,
            IdentityProperties properties,
            Organisations organisations,
            Users users,
            PasswordEncoder encoder,
            AuditTrail audit,
            TransactionTemplate transactions) {
        this.demo = demo;
        this.properties = properties;
        this.organisations = organisations;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demo) {
            transactions.executeWithoutResult(status -> seedDemo());
        } else {
            transactions.executeWithoutResult(status -> createBootstrapAdmin());
            if (users.countEnabledWithRole(Role.ADMIN) == 0) {
                throw new IllegalStateException("""
                        Lodestone refuses to start in production mode without an administrator: no enabled user has the \
                        ADMIN role. Set lodestone.identity.bootstrap-admin.username, \
                        lodestone.identity.bootstrap-admin.password (at least %d characters) and \
                        lodestone.identity.bootstrap-admin.organisation (environment variables \
                        LODESTONE_IDENTITY_BOOTSTRAPADMIN_USERNAME, LODESTONE_IDENTITY_BOOTSTRAPADMIN_PASSWORD, \
                        LODESTONE_IDENTITY_BOOTSTRAPADMIN_ORGANISATION) for the first start.""".formatted(Administration.MIN_PASSWORD));
            }
        }
    }

    /** Printed once the application is ready, so it is the last thing on the console, not lost among start-up lines. */
    @EventListener(ApplicationReadyEvent.class)
    void announceDemo() {
        if (!demo) {
            return;
        }
        List<Organisation> orgs = organisations.all();
        List<UserAccount> accounts = users.all();
        StringBuilder block = new StringBuilder("\n");
        String rule = "=".repeat(78);
        block.append(rule)
                .append('\n')
                .append("  DEMO MODE - sample organisations and users, NOT for real cases\n")
                .append("  Every demo user's password is: ")
                .append(DEMO_PASSWORD)
                .append('\n')
                .append(rule)
                .append('\n')
                .append("  Organisations:\n");
        for (Organisation o : orgs) {
            block.append(String.format(
                    Locale.ROOT,
                    "    %-14s %-44s %s%s%n",
                    o.kind(),
                    o.name(),
                    o.country(),
                    o.jurisdiction() == null ? "" : ", jurisdiction " + o.jurisdiction()));
        }
        block.append("  Users (username / roles / organisation):\n");
        for (UserAccount u : accounts) {
            String org = orgs.stream()
                    .filter(o -> o.id().equals(u.organisationId()))
                    .map(Organisation::name)
                    .findFirst()
                    .orElse("?");
            block.append(String.format(
                    Locale.ROOT,
                    "    %-12s %-24s %s%n",
                    u.username(),
                    u.roles().stream().sorted().map(Role::name).collect(Collectors.joining(",")),
                    org));
        }
        block.append(rule);
        log.info("{}", block);
    }

    private void seedDemo() {
        List<String> created = new ArrayList<>();
        var byKey = new java.util.HashMap<String, Organisation>();
        for (DemoOrganisation d : DEMO_ORGANISATIONS) {
            Organisation org =
                    organisations.findByNameAndKind(d.name(), d.kind()).orElse(null);
            if (org == null) {
                org = organisations.create(new NewOrganisation(
                        d.name(),
                        d.nameOriginal(),
                        d.kind(),
                        new CountryCode(d.country()),
                        d.region(),
                        d.jurisdiction()));
                recordCreation("ORGANISATION_CREATED", "ORGANISATION", org.id().toString(), "demo " + d.name());
                created.add(d.name());
            }
            byKey.put(d.key(), org);
        }
        for (DemoUser d : DEMO_USERS) {
            if (users.findByUsername(d.username()).isEmpty()) {
                UserAccount user = users.create(new NewUser(
                        d.username(),
                        d.displayName(),
                        d.username() + "@demo.invalid",
                        encoder.encode(DEMO_PASSWORD),
                        byKey.get(d.organisationKey()).id(),
                        EnumSet.of(d.role())));
                recordCreation("USER_CREATED", "USER", user.id().toString(), "demo user " + d.username());
                created.add(d.username());
            }
        }
        if (!created.isEmpty()) {
            log.info("Demo data created: {}", created);
        }
    }

    private void createBootstrapAdmin() {
        IdentityProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        if (!admin.configured()) {
            return;
        }
        String username = admin.username().strip();
        if (users.findByUsername(username).isPresent()) {
            return;
        }
        String password = admin.password();
        if (password == null || password.length() < Administration.MIN_PASSWORD) {
            throw new IllegalStateException("lodestone.identity.bootstrap-admin.password must be set and at least "
                    + Administration.MIN_PASSWORD + " characters long to create the bootstrap administrator '"
                    + username + "'");
        }
        String orgName =
                admin.organisation() == null ? "" : admin.organisation().strip();
        if (orgName.isEmpty()) {
            throw new IllegalStateException("lodestone.identity.bootstrap-admin.organisation must name the AUTHORITY"
                    + " organisation of the bootstrap administrator '" + username + "'");
        }
        if (!CountryCode.isValid(admin.country())) {
            throw new IllegalStateException("lodestone.identity.bootstrap-admin.country '" + admin.country()
                    + "' is not an ISO 3166-1 alpha-2 country code");
        }
        CountryCode country = CountryCode.of(admin.country());
        String jurisdiction =
                admin.jurisdiction() == null || admin.jurisdiction().isBlank()
                        ? country.value()
                        : admin.jurisdiction().strip().toUpperCase(Locale.ROOT);
        if (!Administration.validJurisdiction(jurisdiction)) {
            throw new IllegalStateException("lodestone.identity.bootstrap-admin.jurisdiction '" + jurisdiction
                    + "' is neither an ISO 3166-1 country nor an ISO 3166-2 subdivision");
        }
        Organisation org = organisations
                .findByNameAndKind(orgName, OrganisationKind.AUTHORITY)
                .orElse(null);
        if (org == null) {
            org = organisations.create(
                    new NewOrganisation(orgName, null, OrganisationKind.AUTHORITY, country, null, jurisdiction));
            recordCreation("ORGANISATION_CREATED", "ORGANISATION", org.id().toString(), "bootstrap " + orgName);
        }
        UserAccount user = users.create(
                new NewUser(username, username, null, encoder.encode(password), org.id(), Set.of(Role.ADMIN)));
        recordCreation("USER_CREATED", "USER", user.id().toString(), "bootstrap administrator " + username);
        log.info("Created bootstrap administrator '{}' in organisation '{}'", username, orgName);
    }

    private void recordCreation(String action, String type, String id, String detail) {
        audit.record(AuditRecord.success(action, type, id).withDetail(detail).by(AuditActor.SYSTEM));
    }
}
