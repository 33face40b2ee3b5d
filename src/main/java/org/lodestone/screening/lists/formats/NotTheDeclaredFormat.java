package org.lodestone.screening.lists.formats;

/** The file is not of the format it was declared to be; nothing of it is imported. */
public final class NotTheDeclaredFormat extends RuntimeException {

    public NotTheDeclaredFormat(String reason) {
        super(reason);
    }
}
