package fr.convergence.participant.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AgeBandTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @ParameterizedTest
    @CsvSource({
            "2001-06-16, <26",   // 24 the day before the 25th birthday... still under 26
            "2000-06-16, <26",   // turns 26 tomorrow
            "2000-06-15, 26-34", // 26 today
            "1991-06-16, 26-34",
            "1991-06-15, 35-44",
            "1981-06-15, 45-54",
            "1971-06-16, 45-54",
            "1971-06-15, 55+",
            "1940-01-01, 55+"})
    void cutsAtTheBirthday(LocalDate birthDate, String band) {
        assertThat(AgeBand.of(birthDate, TODAY).label()).isEqualTo(band);
    }
}
