package dev.keywarden.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectNamesTest {

    @ParameterizedTest(name = "\"{0}\" clashes with \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Checkout|checkout",
            "Checkout|'  CHECKOUT '",
            "Checkout|Ｃｈｅｃｋｏｕｔ",
            "Acme Inc.|Acme\u00A0Inc.",
            "Acme Inc.|Acme\u3000Inc.",
            "Straße|STRASSE",
            "ﬁnance|finance",
            "Café|Cafe\u0301",
            "Team ①|team 1",
    })
    void clash(String existing, String wanted) {
        assertThat(ProjectNames.normalised(wanted)).isEqualTo(ProjectNames.normalised(existing));
    }

    @ParameterizedTest(name = "\"{0}\" does not clash with \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Checkout|Check out",
            "Checkout|Checkouts",
            "Café|Cafe",
            "Prod 1|Prod 2",
    })
    void distinct(String existing, String wanted) {
        assertThat(ProjectNames.normalised(wanted)).isNotEqualTo(ProjectNames.normalised(existing));
    }
}
