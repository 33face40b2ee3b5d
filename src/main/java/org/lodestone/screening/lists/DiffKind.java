package org.lodestone.screening.lists;

/** How an entry of a release differs from the release it replaced. */
public enum DiffKind {
    ADDED,
    CHANGED,
    REMOVED
}
