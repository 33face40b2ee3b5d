package org.lodestone.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/**
 * Everything a licence is issued from, as the review workflow knows it on approval. Parties and lines are copies, frozen
 * at issue. {@code validFrom} defaults to the day of issue and {@code validTo} to {@code validFrom} plus
 * {@code lodestone.licensing.licence.validity} (one year) minus one day.
 *
 * @param holder the exporter organisation that applied and holds the licence
 * @param issuingAuthority the authority organisation that approved the application
 * @param conditions conditions the holder must meet, one text each, printed on the certificate
 */
public record IssueLicence(
        ApplicationId applicationId,
        String applicationReference,
        OrganisationId holder,
        OrganisationId issuingAuthority,
        LicenceParty consignee,
        LicenceParty endUser,
        List<Line> lines,
        List<String> conditions,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        LicenceType type) {

    public IssueLicence {
        lines = List.copyOf(lines);
        conditions = List.copyOf(conditions);
    }

    /**
     * One licensed item.
     *
     * @param lineNo 1, 2, … — shipments name lines by this number
     * @param controlNumber the control number (e.g. 1C905.b), if the control list has one
     * @param entryKey the control list entry key
     * @param unit {@code kg}, {@code g} or {@code t} (converted between each other); any other unit must be shipped as is
     * @param unitValue value of one unit in {@code currency} (ISO 4217)
     */
    public record Line(
            int lineNo,
            @Nullable String controlNumber,
            String entryKey,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitValue,
            String currency) {}
}
