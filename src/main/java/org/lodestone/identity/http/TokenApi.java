package org.lodestone.identity.http;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.tokens.ApiTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own API tokens. Creating one needs the password (HTTP Basic; see the endpoint policy); the secret is in
 * the creation response and nowhere else.
 */
@RestController
@RequestMapping("/api/v1/auth/tokens")
class TokenApi {

    private final ApiTokens tokens;
    private final Identity identity;

    TokenApi(ApiTokens tokens, Identity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    record CreateToken(@Nullable String name, @Nullable Integer expiresInDays) {}

    @PostMapping
    ResponseEntity<Views.CreatedToken> create(@RequestBody(required = false) @Nullable CreateToken request) {
        CurrentUser user = CurrentUserRequired.of(identity);
        ApiTokens.Issued issued = tokens.issue(
                user.id(), request == null ? null : request.name(), request == null ? null : request.expiresInDays());
        var body = new Views.CreatedToken(
                issued.token().id().toString(),
                issued.token().name(),
                issued.secret(),
                issued.token().expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + body.id()))
                .header("Cache-Control", "no-store")
                .body(body);
    }

    @GetMapping
    List<Views.Token> list() {
        return tokens.ownedBy(CurrentUserRequired.of(identity).id()).stream()
                .map(Views.Token::of)
                .toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(CurrentUserRequired.of(identity).id(), id);
        return ResponseEntity.noContent().build();
    }
}
