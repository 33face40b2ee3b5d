package org.lodestone.licensing.licence;

import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.LicenceProblem;
import org.springframework.stereotype.Component;

/**
 * Need-to-know for licences. Who may read: every member of the holder organisation; REVIEWERs and SUPERVISORs of the
 * issuing authority; ENFORCEMENT and AUDITOR staff of a national authority of the issuing country. Everyone else gets
 * 404, exactly as for a licence that does not exist, so numbers cannot be probed. A reader who may not perform an
 * action gets 403. Guarded by {@code LicenceAuthorizationMatrixTests}.
 */
@Component
public class LicenceAccess {

    public enum Action {
        READ,
        /** The certificate carries the check code: the holder and the issuing authority's staff only. */
        CERTIFICATE,
        /** Recording shipments: the holder's APPLICANTs. */
        SHIP,
        /** Suspend, reinstate, revoke: SUPERVISORs of the issuing authority. */
        CHANGE_STATUS
    }

    private final LicenceLedger ledger;

    public LicenceAccess(LicenceLedger ledger) {
        this.ledger = ledger;
    }

    /** The licence (status in force today) if {@code user} may perform {@code action}; otherwise 404 or 403. */
    public Licence require(String rawNumber, CurrentUser user, Action action) {
        LicenceNumber number =
                LicenceNumber.parse(rawNumber).orElseThrow(() -> LicenceProblem.notFound(printable(rawNumber)));
        Licence licence = ledger.find(number).orElseThrow(() -> LicenceProblem.notFound(number.value()));
        if (!canRead(user, licence)) {
            throw LicenceProblem.notFound(number.value());
        }
        if (!may(user, licence, action)) {
            throw LicenceProblem.forbidden(
                    switch (action) {
                        case CERTIFICATE ->
                            "Only the holder and the issuing authority's staff may download the certificate.";
                        case SHIP ->
                            "Only an APPLICANT of the holder " + licence.holderName() + " may record shipments.";
                        case CHANGE_STATUS ->
                            "Only a SUPERVISOR of " + licence.issuingAuthorityName()
                                    + " may change the status of this licence.";
                        case READ -> "You may not read this licence.";
                    });
        }
        return licence;
    }

    public boolean canRead(CurrentUser user, Licence licence) {
        return isHolder(user, licence) || isIssuingStaff(user, licence) || isOversight(user, licence);
    }

    public boolean may(CurrentUser user, Licence licence, Action action) {
        return switch (action) {
            case READ -> canRead(user, licence);
            case CERTIFICATE -> isHolder(user, licence) || isIssuingStaff(user, licence);
            case SHIP -> isHolder(user, licence) && user.has(Role.APPLICANT);
            case CHANGE_STATUS -> user.organisationId().equals(licence.issuingAuthority()) && user.has(Role.SUPERVISOR);
        };
    }

    private static boolean isHolder(CurrentUser user, Licence licence) {
        return user.organisationId().equals(licence.holder());
    }

    private static boolean isIssuingStaff(CurrentUser user, Licence licence) {
        return user.organisationId().equals(licence.issuingAuthority())
                && (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR));
    }

    /** National enforcement and audit see every licence of their country (the number starts with its code). */
    private static boolean isOversight(CurrentUser user, Licence licence) {
        return isNationalOversight(user) && licence.number().value().startsWith(user.jurisdiction() + "-");
    }

    static boolean isNationalOversight(CurrentUser user) {
        String jurisdiction = user.jurisdiction();
        return user.organisationKind() == OrganisationKind.AUTHORITY
                && jurisdiction != null
                && jurisdiction.length() == 2
                && (user.has(Role.ENFORCEMENT) || user.has(Role.AUDITOR));
    }

    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
