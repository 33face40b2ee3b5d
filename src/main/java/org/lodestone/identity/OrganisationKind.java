package org.lodestone.identity;

/** The three kinds of organisation Lodestone knows; an AUTHORITY also has a jurisdiction. */
public enum OrganisationKind {
    EXPORTER,
    FOREIGN_PARTY,
    AUTHORITY
}
