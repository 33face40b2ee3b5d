package org.lodestone.licensing.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every legal move of an application, with the states it may start from, where it leads and the audit action it
 * records. {@link Application#apply} refuses any other move with a 409; {@code ApplicationStateUnitTests} walks the
 * whole table.
 */
public enum Transition {
    SUBMIT("submit", EnumSet.of(ApplicationState.DRAFT), ApplicationState.SUBMITTED, "APPLICATION_SUBMITTED"),
    ACCEPT(
            "accept for review",
            EnumSet.of(ApplicationState.SUBMITTED),
            ApplicationState.IN_REVIEW,
            "APPLICATION_ACCEPTED"),
    REQUEST_INFORMATION(
            "request information",
            EnumSet.of(ApplicationState.IN_REVIEW),
            ApplicationState.INFORMATION_REQUESTED,
            "APPLICATION_INFORMATION_REQUESTED"),
    ANSWER(
            "answer the information request",
            EnumSet.of(ApplicationState.INFORMATION_REQUESTED),
            ApplicationState.IN_REVIEW,
            "APPLICATION_ANSWERED"),
    PROPOSE_APPROVAL(
            "propose approval",
            EnumSet.of(ApplicationState.IN_REVIEW),
            ApplicationState.APPROVAL_PROPOSED,
            "APPLICATION_APPROVAL_PROPOSED"),
    RETURN_TO_REVIEW(
            "return to review",
            EnumSet.of(ApplicationState.APPROVAL_PROPOSED),
            ApplicationState.IN_REVIEW,
            "APPLICATION_RETURNED_TO_REVIEW"),
    APPROVE(
            "approve",
            EnumSet.of(ApplicationState.APPROVAL_PROPOSED),
            ApplicationState.APPROVED,
            "APPLICATION_APPROVED"),
    REFUSE(
            "refuse",
            EnumSet.of(ApplicationState.IN_REVIEW, ApplicationState.APPROVAL_PROPOSED),
            ApplicationState.REFUSED,
            "APPLICATION_REFUSED"),
    WITHDRAW(
            "withdraw",
            EnumSet.of(
                    ApplicationState.DRAFT,
                    ApplicationState.SUBMITTED,
                    ApplicationState.IN_REVIEW,
                    ApplicationState.INFORMATION_REQUESTED,
                    ApplicationState.APPROVAL_PROPOSED),
            ApplicationState.WITHDRAWN,
            "APPLICATION_WITHDRAWN");

    private final String verb;
    private final Set<ApplicationState> from;
    private final ApplicationState to;
    private final String auditAction;

    Transition(String verb, Set<ApplicationState> from, ApplicationState to, String auditAction) {
        this.verb = verb;
        this.from = from;
        this.to = to;
        this.auditAction = auditAction;
    }

    public boolean allowedFrom(ApplicationState state) {
        return from.contains(state);
    }

    public Set<ApplicationState> from() {
        return EnumSet.copyOf(from);
    }

    public ApplicationState to() {
        return to;
    }

    public String verb() {
        return verb;
    }

    public String auditAction() {
        return auditAction;
    }

    /** Submission and answering freeze the content as a new revision the reviewer can diff. */
    public boolean createsRevision() {
        return this == SUBMIT || this == ANSWER;
    }
}
