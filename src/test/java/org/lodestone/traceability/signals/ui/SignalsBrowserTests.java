package org.lodestone.traceability.signals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.Browser;
import org.lodestone.traceability.TraceFixtures;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The enforcement dashboard in a real browser: a transformation out of thin air captured in Jiangxi shows up in the
 * counts and the list, its evidence links to the event, and an analyst confirms it with a reason (#5). The registry
 * page of the demo producer lists its seeded sites.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignalsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void anAnalystReadsTheEvidenceAndConfirmsASignal() {
        TraceFixtures f = new TraceFixtures(context);
        String prefix = TraceFixtures.prefix();
        Enterprise plant = f.enterprise(prefix, SiteKind.SEPARATION_PLANT, "CN-JX");
        EpcisEvent thinAir = f.transformation(
                TraceFixtures.site(prefix),
                Instant.parse("2026-03-02T08:00:00Z"),
                List.of(),
                List.of(TraceFixtures.kg(TraceFixtures.lot(prefix), "750")),
                f.ilmd("SEPARATED_OXIDE", "Dy", "0.87"));
        f.capture(plant.id(), thinAir);

        try (var b = Browser.open(port)) {
            b.login("enforcement", "demo");
            b.go("/traceability/signals");
            assertThat(b.waitFor("#count-IMPLAUSIBLE_YIELD").getText()).doesNotEndWith(" 0");
            b.click("#nav-traceability-signals");
            String rowSelector = "tr.signal[data-kind=IMPLAUSIBLE_YIELD] a.signal-open";
            List<org.openqa.selenium.WebElement> rows = b.driver().findElements(By.cssSelector(rowSelector));
            rows.stream()
                    .filter(r -> r.getText().contains(thinAir.eventId()))
                    .findFirst()
                    .orElseThrow()
                    .click();
            assertThat(b.waitFor("#signal-summary").getText()).contains("out of thin air");
            String href = b.waitFor("#signal-evidence a.evidence-event").getAttribute("href");
            assertThat(href).endsWith("/epcis/events/" + thinAir.eventId());
            b.driver().executeScript("document.getElementById('signal-detail').scrollIntoView()");
            b.screenshot(Path.of("docs/images/traceability-signals.png"));

            b.click("#decide-submit");
            assertThat(b.waitFor("#signals-problem").getText()).contains("reason");
            b.click("#decide-confirm");
            b.type("#decide-reason", "Separation plant reported oxide without feed; inspection ordered.");
            b.click("#decide-submit");
            assertThat(b.waitFor("#notice").getText()).contains("CONFIRMED");
            assertThat(b.waitFor("#signal-state").getText()).isEqualTo("CONFIRMED");
            assertThat(b.text()).contains("inspection ordered");
        }
    }

    @Test
    void theProducerSeesItsSitesAndRegistersALot() {
        try (var b = Browser.open(port)) {
            b.login("producer", "demo");
            b.go("/traceability/registry");
            assertThat(b.waitFor("#registry-sites").getText()).contains("urn:epc:id:sgln:6901234.00001.0");
            String lot = "urn:epc:class:lgtin:6901234.012345.B" + System.nanoTime();
            b.type("#lot-identifier", lot);
            b.type("#lot-content", "Nd=0.29, Dy=0.03, Fe=0.66");
            b.click("#lot-submit");
            assertThat(b.waitFor("#notice").getText()).isEqualTo("Lot registered.");
            assertThat(b.waitFor("#registry-lots").getText()).contains(lot);
            b.screenshot(Path.of("docs/images/traceability-registry.png"));
        }
    }
}
