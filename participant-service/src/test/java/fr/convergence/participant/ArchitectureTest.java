package fr.convergence.participant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays plain Java so that its rules are testable and portable whatever the frameworks become. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.convergence.participant");

    @Test
    void domainDependsOnNoFramework() {
        noClasses().that().resideInAPackage("fr.convergence.participant.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void domainDependsOnNoOtherPartOfTheService() {
        // service-kit's plain problem types (RuleViolation, StateConflict) are the one part of the kit it may use
        noClasses().that().resideInAPackage("fr.convergence.participant.domain..")
                .should().dependOnClassesThat(resideInAnyPackage("fr.convergence.participant.reference..",
                        "fr.convergence.participant.registration..", "fr.convergence.participant.crypto..",
                        "fr.convergence.participant.publishing..", "fr.convergence.participant.accesslog..",
                        "fr.convergence.kit..").and(not(resideInAPackage("fr.convergence.kit.problem.."))))
                .check(CLASSES);
    }

    @Test
    void theCallerComesOnlyFromTheTokenAsAControllerParameter() {
        // no class reads the security context itself: who acts is the Caller Spring resolves from the verified token
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("fr.convergence.kit.security.CallerTokens").check(CLASSES);
    }

    @Test
    void storageCryptoAndPublishingKnowNothingOfCallers() {
        // access is decided in the web layer and the application services; the layers below only store and seal
        noClasses().that().resideInAnyPackage("fr.convergence.participant.crypto..",
                        "fr.convergence.participant.publishing..", "fr.convergence.participant.domain..")
                .should().dependOnClassesThat().resideInAPackage("fr.convergence.kit.security..")
                .check(CLASSES);
    }

    // the platform's shared rules (test-support), the same in every service
    @Test
    void sharedDomainRule() {
        fr.convergence.testing.PlatformArchitecture.domainFreeOfInfrastructure("fr.convergence.participant.domain").check(CLASSES);
    }

    @Test
    void sharedNoCycleRule() {
        fr.convergence.testing.PlatformArchitecture.noCyclesBetweenFeatures("fr.convergence.participant").check(CLASSES);
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
