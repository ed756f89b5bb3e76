package fr.convergence.pathway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain states the programme's rules and nothing else: no Spring, MongoDB or Kafka in it. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.convergence.pathway");

    @Test
    void domainIsFreeOfInfrastructure() {
        // service-kit's plain problem types (RuleViolation, StateConflict) are the one exception: no framework in them
        noClasses().that().resideInAPackage("..pathway.domain..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "fr.convergence.kit..", "..pathway.store..",
                        "..pathway.api..", "..pathway.publishing..")
                        .and(not(resideInAPackage("fr.convergence.kit.problem.."))))
                .check(CLASSES);
    }

    @Test
    void theSharedProblemTypesThemselvesUseNoFramework() {
        noClasses().that().resideInAPackage("fr.convergence.kit.problem..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "fr.convergence.kit.problem..")
                .check(new ClassFileImporter().importPackages("fr.convergence.kit.problem"));
    }

    @Test
    void storageKnowsNothingOfTheWebOrKafka() {
        noClasses().that().resideInAPackage("..pathway.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..pathway.api..", "..pathway.publishing..",
                        "org.apache.kafka..", "org.springframework.web..")
                .check(CLASSES);
    }

    // the platform's shared rules (test-support), the same in every service
    @Test
    void sharedDomainRule() {
        fr.convergence.testing.PlatformArchitecture.domainFreeOfInfrastructure("fr.convergence.pathway.domain").check(CLASSES);
    }

    @Test
    void sharedNoCycleRule() {
        fr.convergence.testing.PlatformArchitecture.noCyclesBetweenFeatures("fr.convergence.pathway").check(CLASSES);
    }

    @Test
    void sharedKafkaClientsRule() {
        fr.convergence.testing.PlatformArchitecture.kafkaClientsMadeByServiceKitOnly().check(CLASSES);
    }

    @Test
    void sharedControllersNeverTouchStoresRule() {
        fr.convergence.testing.PlatformArchitecture.controllersNeverTouchStores().check(CLASSES);
    }
}
