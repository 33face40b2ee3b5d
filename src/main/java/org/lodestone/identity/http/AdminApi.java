package org.lodestone.identity.http;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.UserId;
import org.lodestone.identity.admin.Administration;
import org.lodestone.identity.admin.OrganisationRequest;
import org.lodestone.identity.admin.UserRequest;
import org.lodestone.identity.store.IdentityProblem;
import org.lodestone.identity.store.UserAccount;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of organisations and users (ADMIN only, see the endpoint policy). Users carry their version as ETag. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminApi {

    private final Administration administration;

    AdminApi(Administration administration) {
        this.administration = administration;
    }

    @GetMapping("/organisations")
    List<Views.OrganisationView> organisations() {
        return administration.organisations().stream()
                .map(Views.OrganisationView::of)
                .toList();
    }

    @PostMapping("/organisations")
    ResponseEntity<Views.OrganisationView> createOrganisation(@RequestBody OrganisationRequest request) {
        var created = Views.OrganisationView.of(administration.createOrganisation(request));
        return ResponseEntity.created(URI.create("/api/v1/admin/organisations/" + created.id()))
                .body(created);
    }

    @GetMapping("/users")
    List<Views.UserView> users() {
        return administration.users().stream().map(Views.UserView::of).toList();
    }

    @GetMapping("/users/{id}")
    ResponseEntity<Views.UserView> user(@PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), administration.user(new UserId(id)));
    }

    @PostMapping("/users")
    ResponseEntity<Views.UserView> createUser(@RequestBody UserRequest request) {
        UserAccount created = administration.createUser(request);
        return withEtag(ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id())), created);
    }

    @PutMapping("/users/{id}")
    ResponseEntity<Views.UserView> updateUser(
            @PathVariable UUID id,
            @RequestBody UserRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return withEtag(ResponseEntity.ok(), administration.updateUser(new UserId(id), request, version(ifMatch)));
    }

    @PostMapping("/users/{id}/unlock")
    ResponseEntity<Views.UserView> unlock(@PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), administration.unlock(new UserId(id)));
    }

    private static ResponseEntity<Views.UserView> withEtag(ResponseEntity.BodyBuilder builder, UserAccount user) {
        return builder.eTag("\"" + user.version() + "\"").body(Views.UserView.of(user));
    }

    /** Accepts {@code 3}, {@code "3"} and {@code W/"3"}. */
    private static @Nullable Long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String raw = ifMatch.strip();
        if (raw.startsWith("W/")) {
            raw = raw.substring(2);
        }
        raw = raw.replace("\"", "");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw IdentityProblem.invalid("If-Match", "must be the user's version number, e.g. \"3\"; was " + ifMatch);
        }
    }
}
