package fr.convergence.kit.kafka;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.convergence.testing.PlatformArchitecture;
import org.junit.jupiter.api.Test;

/** service-kit's own clients (the publisher, territory discovery) are made through KafkaClients too. */
class KafkaClientsArchitectureTest {

    @Test
    void serviceKitMakesItsClientsThroughKafkaClients() {
        PlatformArchitecture.kafkaClientsMadeByServiceKitOnly().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.convergence.kit"));
    }
}
