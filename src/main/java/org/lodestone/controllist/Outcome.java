package org.lodestone.controllist;

/** The answer of a licence determination. */
public enum Outcome {
    LICENCE_REQUIRED,
    NOT_REQUIRED,
    PROHIBITED
}
