package org.lodestone.licensing.notification;

/** What a notification is about; stored by name, so add values at will but never rename one. */
public enum Category {
    APPLICATION_SUBMITTED,
    APPLICATION_WITHDRAWN,
    CASE_ASSIGNED,
    INFORMATION_REQUESTED,
    INFORMATION_PROVIDED,
    CONSULTATION_REQUESTED,
    DECISION,
    LICENCE_ISSUED,
    LICENCE_CHANGED
}
