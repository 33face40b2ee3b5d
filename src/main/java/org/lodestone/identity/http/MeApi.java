package org.lodestone.identity.http;

import org.lodestone.identity.Identity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the authenticated caller, whichever way they authenticated. */
@RestController
class MeApi {

    private final Identity identity;

    MeApi(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/api/v1/me")
    Views.Me me() {
        return Views.Me.of(CurrentUserRequired.of(identity));
    }
}
