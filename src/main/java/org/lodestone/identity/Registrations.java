package org.lodestone.identity;

/**
 * Self-service accounts, for the one case where someone outside the authority's administration opens an account: a
 * foreign party accepting an exporter's invitation (#6). The caller decides whether the registration is allowed (it
 * holds a valid invitation); identity validates and creates. Guarded by {@code InvitationApiTests}.
 */
public interface Registrations {

    /**
     * Creates a FOREIGN_PARTY organisation and its first user with the role CONSIGNEE, in the caller's transaction,
     * audited ({@code ORGANISATION_CREATED}, {@code USER_CREATED}). The password follows the same rules as an
     * administrator's (at least {@link #MIN_PASSWORD} characters).
     *
     * @return the new user, as he will be seen once signed in
     * @throws org.springframework.web.ErrorResponseException 422 naming each wrong field ({@code username},
     *     {@code displayName}, {@code email}, {@code password}, {@code organisationName}, {@code country}); 409 for a
     *     taken username or organisation name (field named likewise)
     */
    CurrentUser registerForeignParty(ForeignPartyRegistration registration);

    int MIN_PASSWORD = 12;
}
