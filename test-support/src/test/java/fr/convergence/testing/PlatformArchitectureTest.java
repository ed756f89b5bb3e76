package fr.convergence.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared rules bite: each refuses the fixture that breaks it and accepts the one that keeps it. */
class PlatformArchitectureTest {

    static final String FIXTURES = "fr.convergence.testing.archfixture";
    static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void aCycleBetweenTwoFeaturePackagesIsRefused() {
        assertThatThrownBy(() -> PlatformArchitecture.noCyclesBetweenFeatures(FIXTURES + ".cyclic").check(CLASSES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
    }

    @Test
    void packagesDependingOneWayPass() {
        assertThatCode(() -> PlatformArchitecture.noCyclesBetweenFeatures(FIXTURES + ".layered").check(CLASSES))
                .doesNotThrowAnyException();
    }

    @Test
    void aDomainUsingSpringIsRefused() {
        assertThatThrownBy(() -> PlatformArchitecture.domainFreeOfInfrastructure(FIXTURES + ".layered.domain")
                .check(CLASSES)).isInstanceOf(AssertionError.class).hasMessageContaining("org.springframework");
    }

    @Test
    void aDomainOfPlainJavaPasses() {
        assertThatCode(() -> PlatformArchitecture.domainFreeOfInfrastructure(FIXTURES + ".cyclic.a").check(CLASSES))
                .doesNotThrowAnyException();
    }

    @Test
    void aKafkaClientMadeOutsideServiceKitIsRefused() {
        assertThatThrownBy(() -> PlatformArchitecture.kafkaClientsMadeByServiceKitOnly()
                .check(new ClassFileImporter().importPackages(FIXTURES + ".kafka")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OwnConsumer.open").hasMessageContaining("OwnAdmin.open");
    }

    @Test
    void classesMakingNoKafkaClientPass() {
        assertThatCode(() -> PlatformArchitecture.kafkaClientsMadeByServiceKitOnly()
                .check(new ClassFileImporter().importPackages(FIXTURES + ".layered"))).doesNotThrowAnyException();
    }

    @Test
    void aControllerReachingIntoAStoreOrTheMongoDriverIsRefused() {
        assertThatThrownBy(() -> PlatformArchitecture.controllersNeverTouchStores()
                .check(new ClassFileImporter().importPackages(FIXTURES + ".controllers.touching")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ShelfController").hasMessageContaining("archfixture.controllers.store.Shelf")
                .hasMessageContaining("MongoPage").hasMessageContaining("com.mongodb.client.MongoClient");
    }

    @Test
    void aControllerGoingThroughAnApplicationClassPasses() {
        // the application class itself uses the store: only controllers are held to the rule
        assertThatCode(() -> PlatformArchitecture.controllersNeverTouchStores()
                .check(new ClassFileImporter().importPackages(FIXTURES + ".controllers.layered")))
                .doesNotThrowAnyException();
    }
}
