package org.lodestone.licensing.licence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Persists EXPIRED for licences whose validity has ended (reads show it earlier; this makes it durable, queryable and
 * audited). Runs every {@code lodestone.licensing.licence.expiry-check}, first one minute after start.
 */
@Component
class LicenceExpiry {

    private static final Logger log = LoggerFactory.getLogger(LicenceExpiry.class);

    private final LicenceLedger ledger;

    LicenceExpiry(LicenceLedger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(
            initialDelayString = "${lodestone.licensing.licence.expiry-initial-delay:PT1M}",
            fixedDelayString = "${lodestone.licensing.licence.expiry-check:PT1H}")
    void markExpired() {
        int marked = ledger.markExpired();
        if (marked > 0) {
            log.info("Marked {} licence(s) EXPIRED", marked);
        }
    }
}
