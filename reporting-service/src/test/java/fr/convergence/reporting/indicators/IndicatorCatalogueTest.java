package fr.convergence.reporting.indicators;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's indicator table is the catalogue's: a definition changed in code must be changed there too. */
class IndicatorCatalogueTest {

    @Test
    void everyIndicatorIsDefinedInTheReadmeWithTheSameWording() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        for (Indicator indicator : Indicator.values()) {
            assertThat(readme).as(indicator.name())
                    .contains("| `" + indicator.id() + "` | " + indicator.label() + " | " + indicator.definition() + " |");
        }
    }
}
