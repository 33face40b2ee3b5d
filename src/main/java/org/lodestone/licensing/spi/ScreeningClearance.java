package org.lodestone.licensing.spi;

/**
 * Where screening stands for one application.
 *
 * @param openHits hits above the threshold that no REVIEWER has adjudicated yet
 * @param trueMatches hits adjudicated as a true match (the case leads towards refusal with RESTRICTED_PARTY)
 */
public record ScreeningClearance(int openHits, int trueMatches) {

    public static final ScreeningClearance CLEAR = new ScreeningClearance(0, 0);

    public boolean blocksApproval() {
        return openHits > 0 || trueMatches > 0;
    }
}
