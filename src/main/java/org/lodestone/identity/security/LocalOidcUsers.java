package org.lodestone.identity.security;

import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.Users;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps a user the OIDC provider vouched for to an existing local user by one claim
 * ({@code lodestone.identity.oidc.username-claim}). There is no auto-provisioning: roles and organisation are decided
 * in Lodestone by an administrator, so an unknown or disabled user is refused with a message saying so.
 */
final class LocalOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final Users users;
    private final Principals principals;
    private final LoginAttempts attempts;
    private final String claim;

    LocalOidcUsers(Users users, Principals principals, LoginAttempts attempts, String claim) {
        this.users = users;
        this.principals = principals;
        this.attempts = attempts;
        this.claim = claim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser remote = provider.loadUser(request);
        Object value = remote.getClaims().get(claim);
        String provider = request.getClientRegistration().getRegistrationId();
        if (value == null || value.toString().isBlank()) {
            throw refused(
                    "The identity provider did not send the claim '" + claim + "' that names your Lodestone user");
        }
        String username = value.toString();
        UserAccount user = users.findByUsername(username).orElse(null);
        if (user == null) {
            attempts.refused(username, null, "oidc:" + provider, "unknown user");
            throw refused("You signed in as '" + username + "', but Lodestone has no such user. Ask an administrator to"
                    + " create it.");
        }
        if (!user.enabled()) {
            attempts.refused(username, user, "oidc:" + provider, "disabled");
            throw refused("The Lodestone user '" + username + "' is disabled.");
        }
        attempts.succeeded(user, "oidc:" + provider);
        return principals.of(user).withOidc(remote.getIdToken(), remote.getUserInfo());
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", message, null), message);
    }
}
