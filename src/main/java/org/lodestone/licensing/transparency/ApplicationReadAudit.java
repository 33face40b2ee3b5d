package org.lodestone.licensing.transparency;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.application.SensitiveReads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Audits every read of an application's sensitive content (parties, end use, production, business relationship, the
 * case file, the list of its evidence documents) by anyone outside the applicant's organisation as SENSITIVE_READ, with the case reference, what was read
 * (the endpoint) and the reason if the request carried one, and lists it in the applicant's {@link AccessLog}. One entry
 * per application per request, however often the request reads it (a case page reads it several times). The
 * applicant's own staff are not recorded: the log is about others reading the owner's data. Guarded by
 * {@code AccessLogApiTests}.
 */
@Component
class ApplicationReadAudit implements SensitiveReads {

    private static final String SEEN = ApplicationReadAudit.class.getName() + ".";

    private final AuditTrail audit;
    private final AccessLog accessLog;
    private final TransactionTemplate ownWrite;

    ApplicationReadAudit(AuditTrail audit, AccessLog accessLog, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.accessLog = accessLog;
        this.ownWrite = new TransactionTemplate(transactions);
        this.ownWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void read(ApplicationSummary application, CurrentUser reader) {
        if (reader.organisationId().equals(application.applicant())) {
            return;
        }
        HttpServletRequest request = request();
        if (request != null) {
            String key = SEEN + application.id();
            if (request.getAttribute(key) != null) {
                return;
            }
            request.setAttribute(key, Boolean.TRUE);
        }
        String what = what(request);
        String reason = request == null ? null : request.getParameter("reason");
        var purpose = new StatedPurpose(
                application.reference(), reason == null || reason.isBlank() ? null : cut(reason.strip()));
        Runnable write = () -> ownWrite.executeWithoutResult(tx -> {
            AuditEntry entry = audit.record(AuditRecord.success(
                            "SENSITIVE_READ", "APPLICATION", application.id().toString())
                    .withDetail("case " + application.reference() + ", " + what
                            + (purpose.reason() == null ? "" : ", reason: " + purpose.reason()))
                    .by(new AuditActor(
                            reader.username(), reader.organisationId().toString())));
            accessLog.insert(
                    entry,
                    application.applicant(),
                    reader,
                    "APPLICATION",
                    application.id().value(),
                    application.reference(),
                    null,
                    null,
                    what,
                    purpose,
                    null);
        });
        // In a transaction of its own, and after the caller's: a command that reads the application and then locks its
        // row (Reviews.lockReadable) must not hold the audit chain's head lock while it waits for the row (a writer
        // that locked the row first and records last would deadlock with it), nor wait for a head lock it holds.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    write.run();
                }
            });
        } else {
            write.run();
        }
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    /** The endpoint as its pattern ("GET /api/v1/applications/{id}/parties"), never with ids or query values. */
    private static String what(@Nullable HttpServletRequest request) {
        if (request == null) {
            return "application content";
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
    }

    private static String cut(String text) {
        return text.length() <= DocumentReading.MAX_REASON ? text : text.substring(0, DocumentReading.MAX_REASON);
    }
}
