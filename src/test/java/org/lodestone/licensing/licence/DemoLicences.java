package org.lodestone.licensing.licence;

import org.lodestone.licensing.Licence;

/** Test access to the demo licence that demo mode issues at start-up. */
public final class DemoLicences {

    private DemoLicences() {}

    public static Licence demo(LicenceLedger ledger) {
        return ledger.forApplication(DemoLicence.APPLICATION).orElseThrow();
    }
}
