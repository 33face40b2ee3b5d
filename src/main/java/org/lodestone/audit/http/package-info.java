/**
 * REST API of the audit trail for auditors: verify the hash chain and query entries by object, actor and time range.
 * Access ("/api/v1/audit/**" needs role AUDITOR) is enforced by the identity module's endpoint policy.
 */
@NullMarked
package org.lodestone.audit.http;

import org.jspecify.annotations.NullMarked;
