package org.lodestone.web;

/** The application's version as the build wrote it into the jar manifest; "dev" when run from classes. */
final class Versions {

    private Versions() {}

    static String application() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
