package org.lodestone.licensing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;

/** Every transition from every state: legal moves land where the table says, all others are a 409 naming the states. */
class ApplicationStateUnitTests {

    /** The expected table, written out independently of {@link Transition}'s own sets. */
    private static final Map<Transition, List<ApplicationState>> LEGAL = Map.of(
            Transition.SUBMIT, List.of(ApplicationState.DRAFT),
            Transition.ACCEPT, List.of(ApplicationState.SUBMITTED),
            Transition.REQUEST_INFORMATION, List.of(ApplicationState.IN_REVIEW),
            Transition.ANSWER, List.of(ApplicationState.INFORMATION_REQUESTED),
            Transition.PROPOSE_APPROVAL, List.of(ApplicationState.IN_REVIEW),
            Transition.RETURN_TO_REVIEW, List.of(ApplicationState.APPROVAL_PROPOSED),
            Transition.APPROVE, List.of(ApplicationState.APPROVAL_PROPOSED),
            Transition.REFUSE, List.of(ApplicationState.IN_REVIEW, ApplicationState.APPROVAL_PROPOSED),
            Transition.WITHDRAW,
                    List.of(
                            ApplicationState.DRAFT,
                            ApplicationState.SUBMITTED,
                            ApplicationState.IN_REVIEW,
                            ApplicationState.INFORMATION_REQUESTED,
                            ApplicationState.APPROVAL_PROPOSED));

    private static final Map<Transition, ApplicationState> TARGET = Map.of(
            Transition.SUBMIT, ApplicationState.SUBMITTED,
            Transition.ACCEPT, ApplicationState.IN_REVIEW,
            Transition.REQUEST_INFORMATION, ApplicationState.INFORMATION_REQUESTED,
            Transition.ANSWER, ApplicationState.IN_REVIEW,
            Transition.PROPOSE_APPROVAL, ApplicationState.APPROVAL_PROPOSED,
            Transition.RETURN_TO_REVIEW, ApplicationState.IN_REVIEW,
            Transition.APPROVE, ApplicationState.APPROVED,
            Transition.REFUSE, ApplicationState.REFUSED,
            Transition.WITHDRAW, ApplicationState.WITHDRAWN);

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (Transition t : Transition.values()) {
            for (ApplicationState s : ApplicationState.values()) {
                out.add(Arguments.of(t, s, LEGAL.get(t).contains(s)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} from {1}: legal={2}")
    @MethodSource("everyPair")
    void transitionFromState(Transition transition, ApplicationState from, boolean legal) {
        Application app = in(from);
        Instant later = app.updatedAt().plusSeconds(60);
        if (legal) {
            Application moved = app.apply(transition, later);
            assertThat(moved.state()).isEqualTo(TARGET.get(transition));
            assertThat(moved.updatedAt()).isEqualTo(later);
            assertThat(moved.revision()).isEqualTo(app.revision() + (transition.createsRevision() ? 1 : 0));
            assertThat(moved.version())
                    .as("the store, not the aggregate, bumps the version")
                    .isEqualTo(app.version());
        } else {
            assertThatThrownBy(() -> app.apply(transition, later))
                    .isInstanceOfSatisfying(ApplicationProblem.class, p -> {
                        assertThat(p.getStatusCode().value()).isEqualTo(409);
                        assertThat(p.getBody().getDetail())
                                .contains("Cannot " + transition.verb())
                                .contains("it is " + from)
                                .contains(LEGAL.get(transition).getFirst().name());
                    });
        }
    }

    @Test
    void onlyDraftAndInformationRequestedAreEditable() {
        for (ApplicationState s : ApplicationState.values()) {
            Application app = in(s);
            boolean editable = s == ApplicationState.DRAFT || s == ApplicationState.INFORMATION_REQUESTED;
            if (editable) {
                assertThat(app.edit(ApplicationContent.EMPTY, Instant.now()).state())
                        .isEqualTo(s);
            } else {
                assertThatThrownBy(() -> app.edit(ApplicationContent.EMPTY, Instant.now()))
                        .isInstanceOfSatisfying(
                                ApplicationProblem.class,
                                p -> assertThat(p.getStatusCode().value()).isEqualTo(409))
                        .hasMessageContaining(s.name());
            }
        }
    }

    @Test
    void finalStatesAreExactlyApprovedRefusedWithdrawn() {
        assertThat(Stream.of(ApplicationState.values()).filter(ApplicationState::isFinal))
                .containsExactlyInAnyOrder(
                        ApplicationState.APPROVED, ApplicationState.REFUSED, ApplicationState.WITHDRAWN);
    }

    @Test
    void submissionStampsSubmittedAtOnce() {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        Application submitted = in(ApplicationState.DRAFT).apply(Transition.SUBMIT, at);
        assertThat(submitted.submittedAt()).isEqualTo(at);
        Application accepted = submitted.apply(Transition.ACCEPT, at.plusSeconds(5));
        assertThat(accepted.submittedAt()).isEqualTo(at);
    }

    static Application in(ApplicationState state) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        return new Application(
                new ApplicationId(UUID.randomUUID()),
                "LA-2026-000001",
                state,
                new OrganisationId(UUID.randomUUID()),
                "Exporter",
                "CN",
                "CN-JX",
                null,
                ApplicationContent.EMPTY,
                state == ApplicationState.DRAFT ? 0 : 1,
                7,
                "applicant",
                created,
                created,
                null);
    }
}
