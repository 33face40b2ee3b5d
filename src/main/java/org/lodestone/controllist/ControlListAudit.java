package org.lodestone.controllist;

import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes the control list's audit records into the caller's transaction. The trail is looked up lazily so the module
 * can be built and tested before the audit module's implementation is wired in; without it every change is logged at
 * WARN, never silently dropped.
 */
@Component
class ControlListAudit {

    private static final Logger log = LoggerFactory.getLogger(ControlListAudit.class);

    private final ObjectProvider<AuditTrail> trail;

    ControlListAudit(ObjectProvider<AuditTrail> trail) {
        this.trail = trail;
    }

    void record(String action, String objectType, String objectId, String detail) {
        AuditTrail t = trail.getIfAvailable();
        if (t == null) {
            log.warn("No audit trail available; not audited: {} {} {} ({})", action, objectType, objectId, detail);
            return;
        }
        t.record(AuditRecord.success(action, objectType, objectId).withDetail(detail));
    }
}
