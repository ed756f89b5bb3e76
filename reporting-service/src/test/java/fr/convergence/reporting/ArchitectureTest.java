package fr.convergence.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The indicator definitions and the fold are pure functions over facts: no framework, store or broker in them. */
@AnalyzeClasses(packages = "fr.convergence.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule indicatorsArePure = noClasses()
            .that().resideInAnyPackage("fr.convergence.reporting.indicators..", "fr.convergence.reporting.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule indicatorsDoNotReachOutwards = noClasses()
            .that().resideInAPackage("fr.convergence.reporting.indicators..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.convergence.reporting.store..",
                    "fr.convergence.reporting.ingest..", "fr.convergence.reporting.api..");

    // the platform's shared rules (test-support), the same in every service
    @ArchTest
    static final ArchRule sharedDomainRule =
            fr.convergence.testing.PlatformArchitecture.domainFreeOfInfrastructure("fr.convergence.reporting.indicators");

    @ArchTest
    static final ArchRule sharedNoCycleRule =
            fr.convergence.testing.PlatformArchitecture.noCyclesBetweenFeatures("fr.convergence.reporting");

    @ArchTest
    static final ArchRule sharedKafkaClientsRule =
            fr.convergence.testing.PlatformArchitecture.kafkaClientsMadeByServiceKitOnly();

    @ArchTest
    static final ArchRule sharedControllersNeverTouchStoresRule =
            fr.convergence.testing.PlatformArchitecture.controllersNeverTouchStores();
}
