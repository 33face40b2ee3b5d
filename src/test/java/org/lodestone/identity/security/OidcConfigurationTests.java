package org.lodestone.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.store.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * With a client registration configured, the UI offers OIDC login and redirects to the provider; a provider's user is
 * mapped to the local user named by the configured claim and nobody else gets in. Explicit endpoint URIs keep the
 * test from calling a discovery endpoint.
 */
@SpringBootTest(
        properties = {
            "spring.security.oauth2.client.registration.corp.client-id=lodestone",
            "spring.security.oauth2.client.registration.corp.client-secret=secret",
            "spring.security.oauth2.client.registration.corp.client-name=Corporate SSO",
            "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.registration.corp.scope=openid,profile",
            "spring.security.oauth2.client.provider.corp.authorization-uri=https://idp.example.test/authorize",
            "spring.security.oauth2.client.provider.corp.token-uri=https://idp.example.test/token",
            "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://idp.example.test/jwks",
            "lodestone.identity.oidc.username-claim=preferred_username"
        })
@AutoConfigureMockMvc
class OidcConfigurationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ClientRegistrationRepository clients;

    @Autowired
    Users users;

    @Autowired
    Principals principals;

    @Autowired
    LoginAttempts attempts;

    @Test
    void authorizationRequestRedirectsToTheProvider() {
        assertThat(mvc.get().uri("/oauth2/authorization/corp"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .startsWith("https://idp.example.test/authorize?")
                .contains("client_id=lodestone")
                .contains("scope=openid%20profile")
                .contains("redirect_uri=http://localhost/login/oauth2/code/corp");
    }

    @Test
    void loginPageOffersTheProvider() {
        assertThat(mvc.get().uri("/login"))
                .hasStatusOk()
                .bodyText()
                .contains("Sign in with Corporate SSO")
                .contains("href=\"/oauth2/authorization/corp\"");
    }

    private OidcUserRequest request(Map<String, Object> claims) {
        Instant now = Instant.now();
        var idToken = new OidcIdToken(
                "id-token",
                now,
                now.plusSeconds(60),
                new java.util.HashMap<>(Map.of("sub", "abc-123", "iss", "https://idp.example.test")) {
                    {
                        putAll(claims);
                    }
                });
        var access = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, "at", now, now.plusSeconds(60), java.util.Set.of("openid"));
        return new OidcUserRequest(clients.findByRegistrationId("corp"), access, idToken);
    }

    @Test
    void providerUserIsMappedToTheLocalUserByClaim() {
        var oidcUsers = new LocalOidcUsers(users, principals, attempts, "preferred_username");
        var user = oidcUsers.loadUser(request(Map.of("preferred_username", "reviewer")));
        assertThat(user).isInstanceOfSatisfying(LodestonePrincipal.class, p -> {
            assertThat(p.user().username()).isEqualTo("reviewer");
            assertThat(p.getIdToken()).isNotNull();
            assertThat(p.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_REVIEWER");
        });
    }

    @Test
    void unknownProviderUserIsRefusedWithAClearMessage() {
        var oidcUsers = new LocalOidcUsers(users, principals, attempts, "preferred_username");
        assertThatThrownBy(() -> oidcUsers.loadUser(request(Map.of("preferred_username", "mallory"))))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("Lodestone has no such user");
        assertThatThrownBy(() -> oidcUsers.loadUser(request(Map.of())))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("preferred_username");
    }
}
