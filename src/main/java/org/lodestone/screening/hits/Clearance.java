package org.lodestone.screening.hits;

import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.licensing.spi.PartyScreening;
import org.lodestone.licensing.spi.ScreeningClearance;
import org.lodestone.screening.hits.store.HitStore;
import org.springframework.stereotype.Component;

/** Licensing's question "may this application be approved?", answered from the hits in force. */
@Component
class Clearance implements PartyScreening {

    private final HitStore store;

    Clearance(HitStore store) {
        this.store = store;
    }

    @Override
    public ScreeningClearance clearance(ApplicationId application) {
        HitStore.Counts c = store.counts(ScreeningSubject.Kind.APPLICATION, application.value());
        return new ScreeningClearance(c.open(), c.trueMatches());
    }
}
