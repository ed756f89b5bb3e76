package fr.convergence.participant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
        noClasses().that().resideInAPackage("fr.convergence.participant.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.convergence.participant.reference..",
                        "fr.convergence.participant.registration..", "fr.convergence.participant.crypto..",
                        "fr.convergence.participant.publishing..", "fr.convergence.participant.accesslog..",
                        "fr.convergence.kit..")
                .check(CLASSES);
    }

    @Test
    void onlyTheActorPackageKnowsWhereTheUserComesFrom() {
        noClasses().that().resideOutsideOfPackage("fr.convergence.participant.actor..")
                .should().dependOnClassesThat().haveFullyQualifiedName("fr.convergence.participant.actor.CurrentActorResolver")
                .check(CLASSES);
    }
}
