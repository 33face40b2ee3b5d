package org.lodestone.traceability.genealogy.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.traceability.genealogy.TraceEvents.commission;
import static org.lodestone.traceability.genealogy.TraceEvents.kg;
import static org.lodestone.traceability.genealogy.TraceEvents.lot;
import static org.lodestone.traceability.genealogy.TraceEvents.transform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.support.Browser;
import org.lodestone.traceability.genealogy.TraceEvents;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * #5: an enforcement officer draws a three-level chain (ore → oxide → metal) backward from the metal lot, clicks the
 * oxide node and the graph re-roots on it (htmx swaps the graph only); the direction toggle turns it forward.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GenealogyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Identity identity;

    @Test
    void drawsTheChainAndReRootsOnAClickedNode() {
        var producer = identity.organisations(OrganisationKind.EXPORTER).stream()
                .filter(o -> o.name().equals("Demo Rare Earth Magnet Works Co., Ltd."))
                .findFirst()
                .orElseThrow()
                .id();
        String t = TraceEvents.tag();
        String ore = lot(t, "1001"), ore2 = lot(t, "1002"), oxide = lot(t, "2002"), metal = lot(t, "3003");
        String site = "urn:epc:id:sgln:6901234.00021." + t;
        new TraceEvents(publisher, transactions)
                .capture(
                        producer,
                        commission(site, "ORE_CONCENTRATE", kg(ore, "12000"), kg(ore2, "8000")),
                        transform(
                                site,
                                "SEPARATED_OXIDE",
                                List.of(kg(ore, "12000"), kg(ore2, "8000")),
                                List.of(kg(oxide, "3100"))),
                        transform(site, "METAL", List.of(kg(oxide, "3100")), List.of(kg(metal, "2650"))));

        try (var b = Browser.open(port)) {
            b.login("enforcement", "demo");
            b.go("/traceability/genealogy?direction=backward&identifier="
                    + URLEncoder.encode(metal, StandardCharsets.UTF_8));
            assertThat(b.driver().findElements(By.cssSelector("#genealogy-svg a.node")))
                    .hasSize(4);
            assertThat(b.find("#genealogy-svg").getText()).contains("3100 kg").contains("separated oxide");
            assertThat(b.driver().findElements(By.cssSelector("#genealogy-edges tbody tr")))
                    .hasSize(3);
            b.driver().executeScript("document.getElementById('genealogy-graph').scrollIntoView()");
            b.screenshot(Path.of("docs/images/genealogy.png"));

            b.click("#genealogy-svg a.node[data-identifier='" + oxide + "']");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#genealogy-edges tbody tr"))
                                    .size()
                            == 2);
            assertThat(b.driver().findElements(By.cssSelector("#genealogy-svg a.node")))
                    .hasSize(3);
            assertThat(java.net.URLDecoder.decode(b.url(), StandardCharsets.UTF_8))
                    .contains(oxide);

            b.click("#genealogy-toggle");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#genealogy-edges tbody tr"))
                                    .size()
                            == 1);
            assertThat(b.find("#genealogy-edges").getText()).contains(metal);
        }
    }
}
