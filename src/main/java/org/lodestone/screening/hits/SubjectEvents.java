package org.lodestone.screening.hits;

import org.lodestone.licensing.ApplicationDecided;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.ApplicationWithdrawn;
import org.lodestone.licensing.LicenceIssued;
import org.lodestone.licensing.ScreenableParties;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.screening.hits.store.HitStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Screens in the transaction that submits an application (every revision: parties change only before a
 * (re)submission) or issues a licence, so no case reaches a reviewer unscreened and a failure to screen fails the act.
 * When a case closes, its OPEN hits are cleared: nobody needs to adjudicate them any more.
 */
@Component
class SubjectEvents {

    private static final Logger log = LoggerFactory.getLogger(SubjectEvents.class);

    private final ScreenableParties parties;
    private final Screener screener;
    private final HitStore store;

    SubjectEvents(ScreenableParties parties, Screener screener, HitStore store) {
        this.parties = parties;
        this.screener = screener;
        this.store = store;
    }

    @EventListener
    void on(ApplicationSubmitted event) {
        ScreeningSubject subject = parties.application(event.application()).orElse(null);
        if (subject == null) {
            // As the review case does, tolerate an event without its application: there is nothing to screen.
            log.warn(
                    "No submitted application {} for the submission event of {}: nothing screened",
                    event.application(),
                    event.reference());
            return;
        }
        Screener.Outcome o = screener.screen(subject);
        log.debug("Screened {} revision {}: {}", event.reference(), event.revision(), o);
    }

    @EventListener
    void on(LicenceIssued event) {
        parties.licence(event.number()).ifPresent(screener::screen);
    }

    @EventListener
    void on(ApplicationWithdrawn event) {
        store.clearAll(ScreeningSubject.Kind.APPLICATION, event.application().value(), "the application was withdrawn");
    }

    @EventListener
    void on(ApplicationDecided event) {
        store.clearAll(
                ScreeningSubject.Kind.APPLICATION,
                event.application().value(),
                "the application was decided (" + event.outcome() + ")");
    }
}
