package fr.convergence.partnership;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "fr.convergence.partnership", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain (referral state machine, partner rules, needs) is plain Java: no framework, store or broker. */
    @ArchTest
    static final ArchRule domainIsFrameworkFree = classes().that().resideInAPackage("..partnership.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..partnership.domain..",
                    "fr.convergence.kit.problem..");

    /** The consumer reads its own tolerant copy of the pathway contract, never pathway-service classes. */
    @ArchTest
    static final ArchRule noPathwayServiceClasses = noClasses().should().dependOnClassesThat()
            .resideInAPackage("fr.convergence.pathway..");

    /** Only the consuming package talks to the Kafka consumer API. */
    @ArchTest
    static final ArchRule kafkaConsumerOnlyInConsuming = noClasses().that().resideOutsideOfPackage("..consuming..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.consumer..");

    // the platform's shared rules (test-support), the same in every service
    @ArchTest
    static final ArchRule sharedDomainRule =
            fr.convergence.testing.PlatformArchitecture.domainFreeOfInfrastructure("fr.convergence.partnership.domain");

    @ArchTest
    static final ArchRule sharedNoCycleRule =
            fr.convergence.testing.PlatformArchitecture.noCyclesBetweenFeatures("fr.convergence.partnership");

    @ArchTest
    static final ArchRule sharedKafkaClientsRule =
            fr.convergence.testing.PlatformArchitecture.kafkaClientsMadeByServiceKitOnly();

    @ArchTest
    static final ArchRule sharedControllersNeverTouchStoresRule =
            fr.convergence.testing.PlatformArchitecture.controllersNeverTouchStores();
}
