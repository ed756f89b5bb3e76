package fr.convergence.reporting.indicators;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The indicator table of docs/indicators.md is the catalogue's: a definition changed in code must be changed there too. */
class IndicatorCatalogueTest {

    @Test
    void everyIndicatorIsDefinedInTheDocumentationWithTheSameWording() throws IOException {
        // the catalogue moved from the README to docs/indicators.md with the one-page canvas (issue 22 item 4)
        String readme = Files.readString(Path.of("docs/indicators.md"));

        for (Indicator indicator : Indicator.values()) {
            assertThat(readme).as(indicator.name())
                    .contains("| `" + indicator.id() + "` | " + indicator.label() + " | " + indicator.definition() + " |");
        }
    }
}
