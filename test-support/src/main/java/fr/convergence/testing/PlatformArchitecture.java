package fr.convergence.testing;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service of the platform keeps, defined once (issue 22): each service's
 * ArchitectureTest applies them to its own packages, next to the rules that are its own.
 */
public final class PlatformArchitecture {

    private PlatformArchitecture() {
    }

    /**
     * The domain (aggregates, rules, events) knows nothing of Spring, MongoDB or Kafka: it can be read, tested and
     * moved without them. Axon's annotations are allowed where the domain is an Axon aggregate.
     */
    public static ArchRule domainFreeOfInfrastructure(String domainPackage) {
        return noClasses().that().resideInAPackage(domainPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "jakarta.servlet..")
                .as("the domain of " + domainPackage + " is free of Spring, MongoDB and Kafka");
    }

    /** The service's feature packages depend on each other in one direction only: no cycle between them. */
    public static ArchRule noCyclesBetweenFeatures(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .as("no dependency cycle between the feature packages of " + servicePackage);
    }
}
