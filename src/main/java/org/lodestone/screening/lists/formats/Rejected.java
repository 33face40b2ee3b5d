package org.lodestone.screening.lists.formats;

/** Thrown while reading one record: that record is rejected with this reason, the file goes on. */
final class Rejected extends RuntimeException {

    Rejected(String reason) {
        super(reason, null, false, false);
    }
}
