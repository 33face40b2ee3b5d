package org.lodestone.licensing.licence;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of licences ({@code lodestone.licensing.licence.*}).
 *
 * @param validity how long a licence is valid when the issuing command names no end date
 * @param timeZone the zone whose calendar day decides validity (the issuing authorities' zone)
 * @param expiryCheck how often the expiry job persists EXPIRED for licences whose validity has ended
 * @param verificationsPerMinute public verifications allowed per client IP and minute (token bucket)
 */
@ConfigurationProperties("lodestone.licensing.licence")
public record LicenceProperties(
        @DefaultValue("P1Y") Period validity,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("PT1H") Duration expiryCheck,
        @DefaultValue("60") int verificationsPerMinute) {

    public static LicenceProperties defaults() {
        return new LicenceProperties(Period.ofYears(1), ZoneId.of("Asia/Shanghai"), Duration.ofHours(1), 60);
    }
}
