package org.lodestone.screening.lists;

import java.util.Arrays;
import java.util.Optional;

/** The file formats a list release can be imported from, by the code the API's {@code format} field takes. */
public enum ListFormat {
    /** OpenSanctions / FollowTheMoney entities, one JSON object per line ({@code entities.ftm.json}). */
    FTM_JSON("ftm-json"),
    /** OpenSanctions {@code targets.simple.csv}. */
    OPENSANCTIONS_SIMPLE_CSV("opensanctions-simple-csv"),
    /** The US Consolidated Screening List as CSV, as trade.gov publishes it. */
    CSL_CSV("csl-csv"),
    /** The US Consolidated Screening List as JSON ({@code {"results": [...]}}), as trade.gov publishes it. */
    CSL_JSON("csl-json"),
    /** Lodestone's own CSV for lists an authority keeps itself (docs/screening.md). */
    LODESTONE_CSV("lodestone-csv");

    private final String code;

    ListFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ListFormat> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
