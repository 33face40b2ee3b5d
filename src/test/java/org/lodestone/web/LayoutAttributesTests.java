package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.Role;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/** The model every page gets: user and roles from identity (asked once per request), anonymous without identity. */
class LayoutAttributesTests {

    @Test
    void userAndRolesComeFromIdentityOncePerRequest() {
        CurrentUser auditor = LayoutTests.user(Role.AUDITOR, Role.ADMIN);
        var calls = new AtomicInteger();
        Identity identity = () -> {
            calls.incrementAndGet();
            return Optional.of(auditor);
        };
        var beans = new StaticListableBeanFactory();
        beans.addBean("identity", identity);
        var attributes = new LayoutAttributes(true, beans.getBeanProvider(Identity.class));
        var request = new MockHttpServletRequest();

        assertThat(attributes.currentUser(request)).isEqualTo(auditor);
        assertThat(attributes.roles(request)).containsExactly("ADMIN", "AUDITOR");
        assertThat(calls).hasValue(1);
        assertThat(attributes.demo()).isTrue();
    }

    @Test
    void withoutIdentityEveryoneIsAnonymous() {
        var attributes = new LayoutAttributes(false, new StaticListableBeanFactory().getBeanProvider(Identity.class));
        var request = new MockHttpServletRequest();
        assertThat(attributes.currentUser(request)).isNull();
        assertThat(attributes.roles(request)).isEmpty();
        assertThat(attributes.demo()).isFalse();
    }

    @Test
    void anonymousWhenIdentityKnowsNobody() {
        var beans = new StaticListableBeanFactory();
        beans.addBean("identity", (Identity) Optional::empty);
        var attributes = new LayoutAttributes(true, beans.getBeanProvider(Identity.class));
        var request = new MockHttpServletRequest();
        assertThat(attributes.currentUser(request)).isNull();
        assertThat(attributes.roles(request)).isEmpty();
    }
}
