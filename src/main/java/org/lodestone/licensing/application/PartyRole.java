package org.lodestone.licensing.application;

/** The part a party plays in the transaction. */
public enum PartyRole {
    CONSIGNEE,
    END_USER,
    INTERMEDIARY
}
