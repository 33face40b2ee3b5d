package org.lodestone.screening.lists;

/** Where a list release stands. Only one release of a list is ACTIVE; only one is LOADING at a time. */
public enum ReleaseState {
    /** Being imported; its entries are invisible to screening. */
    LOADING,
    /** The list's current release: screening uses its entries. */
    ACTIVE,
    /** Replaced by a later release; kept (within the retention) for diffs. */
    SUPERSEDED,
    /** The import failed; its entries were deleted, the previous release stayed active. */
    FAILED
}
