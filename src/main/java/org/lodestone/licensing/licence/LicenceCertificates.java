package org.lodestone.licensing.licence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.licence.certificate.CertificateRenderer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates on demand: the check code is stored, so the same certificate can be printed again at any time. Each
 * download is audited ({@code LICENCE_CERTIFICATE_DOWNLOADED}) because it discloses the check code.
 */
@Component
public class LicenceCertificates {

    private final LicenceLedger ledger;
    private final CertificateRenderer renderer;
    private final AuditTrail audit;
    private final Environment environment;

    public LicenceCertificates(
            LicenceLedger ledger, CertificateRenderer renderer, AuditTrail audit, Environment environment) {
        this.ledger = ledger;
        this.renderer = renderer;
        this.audit = audit;
        this.environment = environment;
    }

    @Transactional
    public byte[] pdf(Licence licence) {
        String code = ledger.checkCode(licence.number());
        byte[] pdf = renderer.render(licence, CheckCodes.grouped(code), verificationUrl(licence, code), ledger.today());
        audit.record(AuditRecord.success(
                "LICENCE_CERTIFICATE_DOWNLOADED", "LICENCE", licence.number().value()));
        return pdf;
    }

    /**
     * {@code {base}/verify/{number}?code={code}}; the base is {@code lodestone.public-base-url}, by default this server
     * on localhost. Resolved per call, because the port of a server on a random port is known only once it runs.
     */
    public String verificationUrl(Licence licence, String code) {
        String base = environment.getProperty("lodestone.public-base-url");
        if (base == null || base.isBlank()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            base = "http://localhost:" + port;
        }
        base = base.strip().replaceAll("/+$", "");
        return base + "/verify/" + licence.number().value() + "?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
