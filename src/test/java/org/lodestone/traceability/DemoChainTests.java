package org.lodestone.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The demo chain captured at start (#5) holds together end to end: the Dy oxide exported under the demo licence traces
 * back to the mine, its export depleted the licence, the magnet lot traces back through the separation plant, and the
 * chain as captured raises no yield, origin or licence signal.
 */
@IntegrationTest
class DemoChainTests {

    static final String DY_OXIDE = "urn:epc:class:lgtin:6901222.000002.DYOX-2026-0412";
    static final String MAGNETS = "urn:epc:class:lgtin:6901234.000004.MAG-2026-1021";
    static final String ORE = "urn:epc:class:lgtin:6901111.000001.ORE-2026-0917";

    @Autowired
    MockMvcTester mvc;

    private String get(String uri, String user) throws Exception {
        MvcTestResult r = mvc.get().uri(uri).with(DemoLogins.as(mvc, user)).exchange();
        assertThat(r).hasStatusOk();
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoChainTracesFromMineToExportAndDepletesTheLicence() throws Exception {
        String backward =
                get("/api/v1/traceability/genealogy?identifier=" + MAGNETS + "&direction=backward", "enforcement");
        assertThat(backward)
                .as(get("/api/v1/traceability/genealogy?identifier=" + ORE + "&direction=forward", "enforcement") + "\n"
                        + get("/epcis/events?MATCH_anyEPCClass=" + ORE, "enforcement"))
                .contains(ORE, DY_OXIDE);

        String forward = get("/api/v1/traceability/genealogy?identifier=" + ORE + "&direction=forward", "enforcement");
        assertThat(forward).contains(MAGNETS, DY_OXIDE, "urn:uuid:6a1f0d4e-0004-4c1a-9d7e-000000000002");

        String exports = get("/api/v1/traceability/exports", "enforcement");
        assertThat(exports).contains("urn:uuid:6a1f0d4e-0004-4c1a-9d7e-000000000002", "RECORDED");

        String signals = get("/api/v1/traceability/signals?limit=1000", "enforcement");
        assertThat(signals).doesNotContain("6a1f0d4e-0001", "6a1f0d4e-0002", "6a1f0d4e-0003", "6a1f0d4e-0004");

        // the producer reads its own events, not the exporter's
        String producerEvents = get("/epcis/events?MATCH_anyEPCClass=" + DY_OXIDE, "producer");
        assertThat(producerEvents)
                .contains("6a1f0d4e-0003-4c1a-9d7e-000000000001")
                .doesNotContain("6a1f0d4e-0004-4c1a-9d7e-000000000002");
    }
}
