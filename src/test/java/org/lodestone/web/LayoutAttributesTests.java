package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.springframework.mock.web.MockHttpServletRequest;

/** The model every page gets: user and roles from identity (asked once per request), anonymous without identity. */
class LayoutAttributesTests {

    /** Identity that knows only the current user, counting how often it is asked. */
    static final class OneUser implements Identity {
        final AtomicInteger calls = new AtomicInteger();
        final Optional<CurrentUser> user;

        OneUser(Optional<CurrentUser> user) {
            this.user = user;
        }

        @Override
        public Optional<CurrentUser> currentUser() {
            calls.incrementAndGet();
            return user;
        }

        @Override
        public Optional<OrganisationProfile> organisation(OrganisationId id) {
            return Optional.empty();
        }

        @Override
        public List<OrganisationProfile> organisations(OrganisationKind kind) {
            return List.of();
        }

        @Override
        public List<UserContact> members(OrganisationId organisation, Role role) {
            return List.of();
        }
    }

    @Test
    void userAndRolesComeFromIdentityOncePerRequest() {
        CurrentUser auditor = LayoutTests.user(Role.AUDITOR, Role.ADMIN);
        var identity = new OneUser(Optional.of(auditor));
        var attributes = new LayoutAttributes(true, identity);
        var request = new MockHttpServletRequest();

        assertThat(attributes.currentUser(request)).isEqualTo(auditor);
        assertThat(attributes.roles(request)).containsExactly("ADMIN", "AUDITOR");
        assertThat(identity.calls).hasValue(1);
        assertThat(attributes.demo()).isTrue();
    }

    @Test
    void anonymousWhenIdentityKnowsNobody() {
        var attributes = new LayoutAttributes(false, new OneUser(Optional.empty()));
        var request = new MockHttpServletRequest();
        assertThat(attributes.currentUser(request)).isNull();
        assertThat(attributes.roles(request)).isEmpty();
        assertThat(attributes.demo()).isFalse();
    }
}
