package org.lodestone.traceability.chain.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.chain.ChainProblem;
import org.lodestone.traceability.chain.ChainRegistry;
import org.lodestone.traceability.chain.ChainRegistry.EnterpriseRequest;
import org.lodestone.traceability.chain.ChainRegistry.LotRequest;
import org.lodestone.traceability.chain.ChainRegistry.PartyRequest;
import org.lodestone.traceability.chain.ChainRegistry.QuotaRequest;
import org.lodestone.traceability.chain.ChainRegistry.SiteRequest;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.store.ChainStore.StoredLot;
import org.lodestone.traceability.chain.store.ChainStore.StoredParty;
import org.lodestone.traceability.chain.store.ChainStore.StoredQuota;
import org.lodestone.traceability.chain.store.ChainStore.StoredSite;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The chain registry over REST; need-to-know and validation live in {@link ChainRegistry}. */
@RestController
@RequestMapping("/api/v1/traceability")
@Tag(name = "Traceability chain registry", description = "Reporting enterprises, sites, quotas, trading parties, lots")
class ChainApi {

    private final ChainRegistry registry;

    ChainApi(ChainRegistry registry) {
        this.registry = registry;
    }

    record EnterpriseView(
            String id,
            String name,
            String country,
            @Nullable String region,
            List<String> activities,
            List<String> companyPrefixes,
            boolean registryOnly,
            long version) {
        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(
                    e.id().toString(),
                    e.name(),
                    e.country().value(),
                    e.region(),
                    e.activities().stream().map(Enum::name).sorted().toList(),
                    e.companyPrefixes(),
                    e.registryOnly(),
                    e.version());
        }
    }

    record SiteView(
            String id,
            String identifier,
            String kind,
            String name,
            String country,
            @Nullable String region,
            long version) {
        static SiteView of(StoredSite s) {
            return new SiteView(
                    s.id().toString(),
                    s.site().identifier(),
                    s.site().kind().name(),
                    s.site().name(),
                    s.site().country().value(),
                    s.site().region(),
                    s.version());
        }
    }

    record QuotaView(String enterprise, int year, String kind, BigDecimal tonnesReo, String setBy, long version) {
        static QuotaView of(StoredQuota q) {
            return new QuotaView(
                    q.quota().enterprise().toString(),
                    q.quota().year(),
                    q.quota().kind().name(),
                    q.quota().tonnesReo(),
                    q.setBy(),
                    q.version());
        }
    }

    record PartyView(String id, String identifier, String name, String country, String registeredBy, long version) {
        static PartyView of(StoredParty p) {
            return new PartyView(
                    p.id().toString(),
                    p.party().identifier(),
                    p.party().name(),
                    p.party().country().value(),
                    p.party().registeredBy().toString(),
                    p.version());
        }
    }

    record LotView(
            String id,
            String identifier,
            String productType,
            Map<String, BigDecimal> elementContent,
            @Nullable String owner,
            String source,
            @Nullable String eventId,
            long version) {
        static LotView of(StoredLot l) {
            return new LotView(
                    l.id().toString(),
                    l.lot().identifier(),
                    l.lot().type().name(),
                    new java.util.TreeMap<>(l.lot().elementFractions()),
                    l.lot().owner() == null ? null : l.lot().owner().toString(),
                    l.source(),
                    l.eventId(),
                    l.version());
        }
    }

    @GetMapping("/enterprises")
    @Operation(summary = "Enterprises the caller may see: its own (REPORTER) or those in the caller's jurisdiction")
    List<EnterpriseView> enterprises() {
        return registry.enterprises().stream().map(EnterpriseView::of).toList();
    }

    @GetMapping("/enterprises/{id}")
    EnterpriseView enterprise(@PathVariable String id) {
        return EnterpriseView.of(registry.enterprise(enterpriseId(id)));
    }

    @PutMapping("/enterprises/{id}")
    @Operation(summary = "Update the own enterprise's activities and GS1 company prefixes (REPORTER)")
    EnterpriseView updateEnterprise(@PathVariable String id, @RequestBody EnterpriseRequest request) {
        return EnterpriseView.of(registry.updateEnterprise(enterpriseId(id), request));
    }

    @GetMapping("/enterprises/{id}/sites")
    List<SiteView> sites(@PathVariable String id) {
        return registry.sites(enterpriseId(id)).stream().map(SiteView::of).toList();
    }

    @PostMapping("/enterprises/{id}/sites")
    @ResponseStatus(HttpStatus.CREATED)
    SiteView createSite(@PathVariable String id, @RequestBody SiteRequest request) {
        return SiteView.of(registry.createSite(enterpriseId(id), request));
    }

    @PutMapping("/enterprises/{id}/sites/{siteId}")
    SiteView updateSite(@PathVariable String id, @PathVariable String siteId, @RequestBody SiteRequest request) {
        return SiteView.of(registry.updateSite(enterpriseId(id), uuid(siteId, "site"), request));
    }

    @GetMapping("/enterprises/{id}/quotas")
    List<QuotaView> quotas(@PathVariable String id, @RequestParam(required = false) @Nullable Integer year) {
        return registry.quotas(enterpriseId(id), year).stream()
                .map(QuotaView::of)
                .toList();
    }

    @PutMapping("/enterprises/{id}/quotas")
    @Operation(summary = "Set an annual quota in tonnes REO (SUPERVISOR of the competent authority, or ADMIN)")
    QuotaView setQuota(@PathVariable String id, @RequestBody QuotaRequest request) {
        return QuotaView.of(registry.setQuota(enterpriseId(id), request));
    }

    @GetMapping("/enterprises/{id}/parties")
    List<PartyView> parties(@PathVariable String id) {
        return registry.parties(enterpriseId(id)).stream().map(PartyView::of).toList();
    }

    @PostMapping("/enterprises/{id}/parties")
    @ResponseStatus(HttpStatus.CREATED)
    PartyView createParty(@PathVariable String id, @RequestBody PartyRequest request) {
        return PartyView.of(registry.createParty(enterpriseId(id), request));
    }

    @PutMapping("/enterprises/{id}/parties/{partyId}")
    PartyView updateParty(@PathVariable String id, @PathVariable String partyId, @RequestBody PartyRequest request) {
        return PartyView.of(registry.updateParty(enterpriseId(id), uuid(partyId, "party"), request));
    }

    @GetMapping("/enterprises/{id}/lots")
    List<LotView> lots(@PathVariable String id) {
        return registry.lots(enterpriseId(id)).stream().map(LotView::of).toList();
    }

    @PostMapping("/enterprises/{id}/lots")
    @ResponseStatus(HttpStatus.CREATED)
    LotView createLot(@PathVariable String id, @RequestBody LotRequest request) {
        return LotView.of(registry.createLot(enterpriseId(id), request));
    }

    @PutMapping("/enterprises/{id}/lots/{lotId}")
    LotView updateLot(@PathVariable String id, @PathVariable String lotId, @RequestBody LotRequest request) {
        return LotView.of(registry.updateLot(enterpriseId(id), uuid(lotId, "lot"), request));
    }

    @GetMapping("/lots")
    @Operation(summary = "A lot profile by its identifier (EPC class or instance URI)")
    LotView lot(@RequestParam String identifier) {
        return LotView.of(registry.lot(identifier));
    }

    private static OrganisationId enterpriseId(String raw) {
        return new OrganisationId(uuid(raw, "enterprise"));
    }

    private static UUID uuid(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ChainProblem.notFound("No " + what + " " + raw.replaceAll("\\p{Cntrl}", "?") + ".");
        }
    }
}
