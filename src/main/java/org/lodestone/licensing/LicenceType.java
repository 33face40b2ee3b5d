package org.lodestone.licensing;

/** Kind of licence. Only single licences (one application, one consignee) exist so far; general licences come later. */
public enum LicenceType {
    SINGLE
}
