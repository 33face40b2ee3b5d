package org.lodestone.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/**
 * A licence as read: the frozen copy of what was licensed, the remaining quantities and the status in force today
 * ({@code status} reads EXPIRED as soon as the validity has ended, even before the expiry job has persisted it).
 *
 * @param version optimistic-lock version, to send back with a status change
 */
public record Licence(
        UUID id,
        LicenceNumber number,
        LicenceType type,
        LicenceStatus status,
        @Nullable String statusReason,
        ApplicationId applicationId,
        String applicationReference,
        OrganisationId holder,
        String holderName,
        @Nullable String holderNameOriginal,
        OrganisationId issuingAuthority,
        String issuingAuthorityName,
        @Nullable String issuingAuthorityNameOriginal,
        LicenceParty consignee,
        LicenceParty endUser,
        List<LicenceLine> lines,
        List<String> conditions,
        LocalDate validFrom,
        LocalDate validTo,
        Instant issuedAt,
        String issuedBy,
        long version) {

    public Licence {
        lines = List.copyOf(lines);
        conditions = List.copyOf(conditions);
    }

    public @Nullable LicenceLine line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
    }

    /** The same licence with another status (the status in force today may differ from the stored one). */
    public Licence withStatus(LicenceStatus newStatus) {
        return new Licence(
                id,
                number,
                type,
                newStatus,
                statusReason,
                applicationId,
                applicationReference,
                holder,
                holderName,
                holderNameOriginal,
                issuingAuthority,
                issuingAuthorityName,
                issuingAuthorityNameOriginal,
                consignee,
                endUser,
                lines,
                conditions,
                validFrom,
                validTo,
                issuedAt,
                issuedBy,
                version);
    }
}
