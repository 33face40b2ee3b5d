package org.lodestone.licensing;

import java.time.Instant;
import org.lodestone.identity.OrganisationId;

/** Published when a reviewer proposes to approve an application; a SUPERVISOR must countersign. */
public record ApprovalProposed(
        ApplicationId application, String reference, OrganisationId authority, String proposedBy, Instant at) {}
