package org.lodestone.traceability.epcis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.Licences;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.chain.Site;
import org.lodestone.traceability.epcis.DocumentReading.Syntax;
import org.lodestone.traceability.epcis.store.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo mode: captures the demo chain ({@code traceability/demo/*.jsonld}: mine → separation → magnet maker → export
 * under the demo licence) once, each document as the enterprise that reports it, through the same capture jobs as
 * {@code POST /epcis/capture}, so genealogy, mass balance, signals and licence depletion have something to show.
 * Runs after the registry and the demo licence are seeded; skipped when the first demo event is already stored.
 */
@Component
class DemoCapture {

    private static final Logger log = LoggerFactory.getLogger(DemoCapture.class);

    static final String FIRST_EVENT = "urn:uuid:6a1f0d4e-0001-4c1a-9d7e-000000000001";

    /** The licensing module's demo licence is issued for this application id (see licensing's DemoLicence). */
    static final ApplicationId DEMO_APPLICATION =
            new ApplicationId(UUID.nameUUIDFromBytes("lodestone-demo-licence".getBytes(StandardCharsets.UTF_8)));

    /** Each demo document with the site whose enterprise reports it. */
    private record Document(String resource, String reportingSite) {}

    private static final List<Document> DOCUMENTS = List.of(
            new Document("traceability/demo/1-mine.jsonld", "urn:epc:id:sgln:6901111.00001.0"),
            new Document("traceability/demo/2-separation.jsonld", "urn:epc:id:sgln:6901222.00001.0"),
            new Document("traceability/demo/3-magnet-maker.jsonld", "urn:epc:id:sgln:6901234.00001.0"),
            new Document("traceability/demo/4-exporter.jsonld", "urn:epc:id:sgln:6905555.00001.0"));

    private final boolean demo;
    private final CaptureJobs jobs;
    private final EventStore events;
    private final Chain chain;
    private final Licences licences;

    DemoCapture(
            @Value("${lodestone.demo:true}") boolean demo,
            CaptureJobs jobs,
            EventStore events,
            Chain chain,
            Licences licences) {
        this.demo = demo;
        this.jobs = jobs;
        this.events = events;
        this.chain = chain;
        this.licences = licences;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() throws IOException, InterruptedException {
        if (!demo || events.find(FIRST_EVENT, EventStore.Visibility.ALL).isPresent()) {
            return;
        }
        String licence = licences.forApplication(DEMO_APPLICATION)
                .map(Licence::number)
                .map(n -> n.value())
                .orElse("NO-DEMO-LICENCE");
        int captured = 0;
        for (Document d : DOCUMENTS) {
            Site site = chain.site(d.reportingSite()).orElse(null);
            if (site == null) {
                log.warn("Demo chain not captured: site {} is not registered", d.reportingSite());
                return;
            }
            String body;
            try (InputStream in = new ClassPathResource(d.resource()).getInputStream()) {
                // the export happens after the demo licence was issued (today), the rest of the chain earlier
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("${licence}", licence)
                        .replace(
                                "${receivedAt}",
                                now.minus(2, ChronoUnit.MINUTES).toString())
                        .replace(
                                "${exportedAt}",
                                now.minus(1, ChronoUnit.MINUTES).toString());
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            UUID job = jobs.spool(
                    new Capturing.Reporter(site.enterprise(), "demo", site.region()),
                    Syntax.JSON,
                    Capturing.ErrorBehaviour.ROLLBACK,
                    new ByteArrayInputStream(bytes),
                    bytes.length);
            // in order: the separation plant's receipt must find the mine's lot already created
            jobs.awaitIdle(30_000);
            var result = jobs.job(job, site.enterprise()).orElse(null);
            if (result == null || !Boolean.TRUE.equals(result.success())) {
                log.warn(
                        "Demo document {} was not captured: {}",
                        d.resource(),
                        result == null ? "job missing" : result.state() + " " + result.errors());
                return;
            }
            captured++;
        }
        log.info("Demo chain captured: {} EPCIS documents from mine to export under licence {}", captured, licence);
    }
}
