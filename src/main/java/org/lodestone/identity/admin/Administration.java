package org.lodestone.identity.admin;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserId;
import org.lodestone.identity.store.IdentityProblem;
import org.lodestone.identity.store.NewOrganisation;
import org.lodestone.identity.store.NewUser;
import org.lodestone.identity.store.Organisation;
import org.lodestone.identity.store.Organisations;
import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.UserChange;
import org.lodestone.identity.store.Users;
import org.lodestone.shared.CountryCode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with organisations and users. Validation names every offending field; a role must fit
 * the kind of the user's organisation (an applicant works for an exporter, a reviewer for an authority); the last
 * enabled administrator cannot be disabled or demoted. Guarded by {@code AdminApiTests}.
 */
@Component
public class Administration {

    public static final int MIN_PASSWORD = 12;
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    /** ISO 3166-2: country, hyphen, one to three letters or digits (CN-JX, DE-BY, GB-ENG). */
    static final Pattern SUBDIVISION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");

    private final Organisations organisations;
    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    Administration(Organisations organisations, Users users, PasswordEncoder encoder, AuditTrail audit) {
        this.organisations = organisations;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** The organisation kinds a user with this role may belong to. */
    public static OrganisationKind kindFor(Role role) {
        return switch (role) {
            case APPLICANT, REPORTER -> OrganisationKind.EXPORTER;
            case CONSIGNEE -> OrganisationKind.FOREIGN_PARTY;
            case REVIEWER, SUPERVISOR, ENFORCEMENT, AUDITOR, ADMIN -> OrganisationKind.AUTHORITY;
        };
    }

    public List<Organisation> organisations() {
        return organisations.all();
    }

    public List<UserAccount> users() {
        return users.all();
    }

    public UserAccount user(UserId id) {
        return users.find(id).orElseThrow(() -> IdentityProblem.notFound("user " + id));
    }

    @Transactional
    public Organisation createOrganisation(OrganisationRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = required(errors, "name", request.name(), 200);
        String nameOriginal = optional(errors, "nameOriginal", request.nameOriginal(), 200);
        OrganisationKind kind = parseKind(errors, request.kind());
        CountryCode country = parseCountry(errors, "country", request.country());
        String region = blankToNull(request.region());
        if (region != null) {
            region = region.toUpperCase(Locale.ROOT);
            var m = SUBDIVISION.matcher(region);
            if (!m.matches() || (country != null && !m.group(1).equals(country.value()))) {
                errors.put(
                        "region",
                        "must be an ISO 3166-2 subdivision" + (country == null ? "" : " of " + country)
                                + ", e.g. CN-JX; was '" + request.region() + "'");
            }
        }
        String jurisdiction = blankToNull(request.jurisdiction());
        if (kind == OrganisationKind.AUTHORITY) {
            if (jurisdiction == null) {
                errors.put("jurisdiction", "is required for an AUTHORITY: a country (CN) or a subdivision (CN-JX)");
            } else {
                jurisdiction = jurisdiction.toUpperCase(Locale.ROOT);
                if (!validJurisdiction(jurisdiction)) {
                    errors.put(
                            "jurisdiction",
                            "must be an ISO 3166-1 country (CN) or ISO 3166-2 subdivision (CN-JX); was '"
                                    + request.jurisdiction() + "'");
                }
            }
        } else if (kind != null && jurisdiction != null) {
            errors.put("jurisdiction", "only an AUTHORITY has a jurisdiction, not an organisation of kind " + kind);
        }
        if (!errors.isEmpty()) {
            throw IdentityProblem.invalid(errors);
        }
        Organisation created = organisations.create(new NewOrganisation(
                name, nameOriginal, kind, country, region, kind == OrganisationKind.AUTHORITY ? jurisdiction : null));
        audit.record(AuditRecord.success(
                        "ORGANISATION_CREATED", "ORGANISATION", created.id().toString())
                .withDetail("name=" + created.name() + ", kind=" + created.kind() + ", country=" + created.country()));
        return created;
    }

    @Transactional
    public UserAccount createUser(UserRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String username = blankToNull(request.username());
        if (username == null) {
            errors.put("username", "is required");
        } else if (!USERNAME.matcher(username).matches()) {
            errors.put(
                    "username",
                    "must be 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting"
                            + " with a letter or digit");
        }
        String displayName = required(errors, "displayName", request.displayName(), 200);
        String email = email(errors, request.email());
        String password = request.password();
        if (password != null && (password.length() < MIN_PASSWORD || password.length() > 256)) {
            errors.put(
                    "password",
                    "must be between " + MIN_PASSWORD + " and 256 characters (leave it out for an"
                            + " OIDC-only user)");
        }
        Organisation organisation = null;
        if (blankToNull(request.organisationId()) == null) {
            errors.put("organisationId", "is required");
        } else {
            try {
                organisation = organisations
                        .find(OrganisationId.of(request.organisationId().strip()))
                        .orElse(null);
            } catch (IllegalArgumentException e) {
                // not a UUID: reported below like an unknown id
            }
            if (organisation == null) {
                errors.put("organisationId", "no organisation with id '" + request.organisationId() + "'");
            }
        }
        Set<Role> roles = roles(errors, request.roles(), organisation);
        if (!errors.isEmpty()) {
            throw IdentityProblem.invalid(errors);
        }
        UserAccount created = users.create(new NewUser(
                username,
                displayName,
                email,
                password == null ? null : encoder.encode(password),
                organisation.id(),
                roles));
        audit.record(AuditRecord.success("USER_CREATED", "USER", created.id().toString())
                .withDetail(
                        "username=" + username + ", organisation=" + organisation.id() + ", roles=" + sorted(roles)));
        return created;
    }

    @Transactional
    public UserAccount updateUser(UserId id, UserRequest request, @Nullable Long ifMatchVersion) {
        UserAccount current = user(id);
        Organisation organisation = organisations.find(current.organisationId()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        Long version = ifMatchVersion != null ? ifMatchVersion : request.version();
        if (version == null) {
            errors.put("version", "is required: send the version you read as If-Match header or as field 'version'");
        } else if (ifMatchVersion != null && request.version() != null && !ifMatchVersion.equals(request.version())) {
            errors.put(
                    "version",
                    "If-Match (" + ifMatchVersion + ") and field 'version' (" + request.version() + ") disagree");
        }
        String displayName = required(errors, "displayName", request.displayName(), 200);
        String email = email(errors, request.email());
        Set<Role> roles = roles(errors, request.roles(), organisation);
        if (request.enabled() == null) {
            errors.put("enabled", "is required (true or false)");
        }
        if (!errors.isEmpty()) {
            throw IdentityProblem.invalid(errors);
        }
        UserAccount updated = users.update(id, new UserChange(displayName, email, roles, request.enabled(), version));
        if (users.countEnabledWithRole(Role.ADMIN) == 0) {
            throw IdentityProblem.conflict(
                    "this change would leave no enabled administrator; make someone else ADMIN first");
        }
        audit.record(AuditRecord.success("USER_UPDATED", "USER", id.toString())
                .withDetail("roles=" + sorted(roles) + ", enabled=" + request.enabled() + ", version="
                        + updated.version()));
        return updated;
    }

    @Transactional
    public UserAccount unlock(UserId id) {
        UserAccount user = user(id);
        users.clearFailures(id);
        audit.record(AuditRecord.success("USER_UNLOCKED", "USER", id.toString())
                .withDetail("wasLockedUntil=" + user.lockedUntil()));
        return user(id);
    }

    private Set<Role> roles(
            Map<String, String> errors, @Nullable List<String> raw, @Nullable Organisation organisation) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (raw == null || raw.isEmpty()) {
            errors.put("roles", "at least one role is required; known roles: " + Arrays.toString(Role.values()));
            return roles;
        }
        for (String name : raw) {
            Role role = parseRole(name);
            if (role == null) {
                errors.put("roles", "unknown role '" + name + "'; known roles: " + Arrays.toString(Role.values()));
                return roles;
            }
            if (organisation != null && kindFor(role) != organisation.kind()) {
                errors.put(
                        "roles",
                        "role " + role + " needs an organisation of kind " + kindFor(role) + ", but '"
                                + organisation.name() + "' is " + organisation.kind());
                return roles;
            }
            roles.add(role);
        }
        return roles;
    }

    private static @Nullable Role parseRole(@Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable OrganisationKind parseKind(Map<String, String> errors, @Nullable String raw) {
        if (blankToNull(raw) == null) {
            errors.put("kind", "is required: one of " + Arrays.toString(OrganisationKind.values()));
            return null;
        }
        try {
            return OrganisationKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", "unknown kind '" + raw + "'; one of " + Arrays.toString(OrganisationKind.values()));
            return null;
        }
    }

    static @Nullable CountryCode parseCountry(Map<String, String> errors, String field, @Nullable String raw) {
        if (blankToNull(raw) == null) {
            errors.put(field, "is required: an ISO 3166-1 alpha-2 code such as CN or DE");
            return null;
        }
        if (!CountryCode.isValid(raw)) {
            errors.put(field, "'" + raw + "' is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return CountryCode.of(raw);
    }

    /** A jurisdiction is a whole country (CN, the ministry) or one of its subdivisions (CN-JX, a provincial bureau). */
    public static boolean validJurisdiction(String code) {
        var m = SUBDIVISION.matcher(code);
        return CountryCode.isValid(code) && code.length() == 2 || m.matches() && CountryCode.isValid(m.group(1));
    }

    private static String required(Map<String, String> errors, String field, @Nullable String raw, int max) {
        String value = blankToNull(raw);
        if (value == null) {
            errors.put(field, "is required");
            return "";
        }
        if (value.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return value;
    }

    private static @Nullable String optional(Map<String, String> errors, String field, @Nullable String raw, int max) {
        String value = blankToNull(raw);
        if (value != null && value.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return value;
    }

    private static @Nullable String email(Map<String, String> errors, @Nullable String raw) {
        String value = optional(errors, "email", raw, 254);
        if (value != null && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "'" + value + "' is not an e-mail address");
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static String sorted(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
