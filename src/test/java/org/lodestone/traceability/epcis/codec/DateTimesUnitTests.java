package org.lodestone.traceability.epcis.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-05-01T10:00:00Z",
                "2024-05-01T10:00:00.1+02:00",
                "2005-04-03T20:33:31.116000-06:00",
                "2022-04-13T12:35:29.017069617Z",
                "2024-02-29T23:59:59-14:00",
                "2023-02-29T10:00:00Z",
                "2024-04-31T10:00:00Z",
                "2024-13-01T10:00:00Z",
                "2024-05-01T24:00:00Z",
                "2024-05-01T10:60:00Z",
                "2024-05-01T10:00:00",
                "2024-05-01T10:00:00.1234567890Z",
                "2024-05-01T10:00:00+2:00",
                "2024-05-01T10:00:00+02:60",
                "2024-05-01T10:00:00+19:00",
                "2024-05-01 10:00:00Z",
                "22-07-2026",
                "2024-05-01T10:00:00Zjunk",
                "0000-01-01T00:00:00Z",
                "2024-05-01t10:00:00z",
                "2024-05-01T10:00:60Z",
                "２０２４-05-01T10:00:00Z"
            })
    void agreesWithTheJdkParser(String s) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertThat(DateTimes.parse(s)).as(s).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aDecimalPointWithoutDigitsIsNotRfc3339() {
        // the JDK accepts it; RFC 3339 (time-secfrac = "." 1*DIGIT) and the EPCIS JSON schema's date-time do not
        assertThat(DateTimes.parse("2024-05-01T10:00:00.Z")).isNull();
    }
}
