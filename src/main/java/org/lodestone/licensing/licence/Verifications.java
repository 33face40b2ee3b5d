package org.lodestone.licensing.licence;

import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.licence.store.LicenceStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public verification of a licence by number and check code. Unknown numbers and wrong codes take the same path (a
 * hash comparison against a dummy when the number is unknown) and give the same answer. Every attempt is audited as
 * {@code LICENCE_VERIFIED} by the anonymous actor, with the outcome. Guarded by {@code LicenceApiTests}.
 */
@Component
public class Verifications {

    private static final String DUMMY_HASH = CheckCodes.sha256("not-a-licence");

    private final LicenceStore store;
    private final LicenceLedger ledger;
    private final AuditTrail audit;

    public Verifications(LicenceStore store, LicenceLedger ledger, AuditTrail audit) {
        this.store = store;
        this.ledger = ledger;
        this.audit = audit;
    }

    @Transactional
    public Verification verify(String rawNumber, @Nullable String code) {
        LicenceNumber number = LicenceNumber.parse(rawNumber).orElse(null);
        var stored = number == null
                ? java.util.Optional.<String>empty()
                : store.checkCode(number).map(LicenceStore.CheckCode::sha256);
        // Compare even when the number is unknown, so both failures cost the same time.
        boolean codeMatches =
                CheckCodes.matches(code == null ? "" : code, stored.orElse(DUMMY_HASH)) && stored.isPresent();
        Licence licence = codeMatches ? ledger.find(number).orElse(null) : null;
        Verification result = licence == null
                ? Verification.failed()
                : Verification.of(
                        licence.number().value(),
                        licence.status(),
                        licence.validFrom(),
                        licence.validTo(),
                        licence.issuingAuthorityName(),
                        licence.holderName());
        String objectId = number != null ? number.value() : printable(rawNumber);
        audit.record(new AuditRecord(
                "LICENCE_VERIFIED",
                "LICENCE",
                objectId,
                result.verified() ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.FAILURE,
                result.verified() ? "verified; status " + result.status() : "number or check code did not match",
                AuditActor.ANONYMOUS));
        return result;
    }

    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) : raw;
        return cut.replaceAll("[^A-Za-z0-9-]", "?");
    }
}
