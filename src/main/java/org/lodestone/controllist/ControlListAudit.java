package org.lodestone.controllist;

import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** Writes the control list's audit records into the caller's transaction, so a change and its record commit together. */
@Component
class ControlListAudit {

    private final AuditTrail trail;

    ControlListAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void record(String action, String objectType, String objectId, String detail) {
        trail.record(AuditRecord.success(action, objectType, objectId).withDetail(detail));
    }
}
