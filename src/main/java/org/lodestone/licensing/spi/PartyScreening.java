package org.lodestone.licensing.spi;

import org.lodestone.licensing.ApplicationId;

/**
 * Screening of an application's parties against restricted lists, as licensing needs it: approval is blocked while a
 * hit awaits adjudication or was confirmed as a true match. Implemented by the screening module.
 */
public interface PartyScreening {

    ScreeningClearance clearance(ApplicationId application);
}
