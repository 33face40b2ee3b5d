package org.lodestone.protection;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What one data key protects: {@code kind:id}, e.g. {@code application:6f1c…} for everything of one licence
 * application, later {@code person:…} for a personnel record. Destroying the scope's data key makes all of it
 * unrecoverable at once (crypto-shredding), so a scope is also the unit of retention.
 */
public record Scope(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,39}:[A-Za-z0-9._-]{1,120}");

    public Scope {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a protection scope (kind:id): " + value);
        }
    }

    public static Scope of(String kind, UUID id) {
        return new Scope(kind + ":" + id);
    }

    /** The scope of one licence application: its fields, revisions, licences' party names and documents. */
    public static Scope application(UUID applicationId) {
        return of("application", applicationId);
    }

    @Override
    public String toString() {
        return value;
    }
}
