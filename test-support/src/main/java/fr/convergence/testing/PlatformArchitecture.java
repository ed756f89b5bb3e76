package fr.convergence.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaConstructor.CONSTRUCTOR_NAME;
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

    /**
     * Issue 21 finding 6: every Kafka producer, consumer and admin client is made by service-kit's
     * {@code fr.convergence.kit.kafka.KafkaClients}, which gives it the instance's TLS and SASL settings. A client made
     * with a bootstrap address alone would not reach a secured cluster, or would be the one client that skips them.
     */
    public static ArchRule kafkaClientsMadeByServiceKitOnly() {
        Set<String> clients = Set.of(KafkaConsumer.class.getName(), KafkaProducer.class.getName());
        Set<String> admins = Set.of(Admin.class.getName(), AdminClient.class.getName());
        DescribedPredicate<JavaCall<?>> makesAClient = DescribedPredicate.describe(
                "makes a Kafka consumer, producer or admin client", call -> {
                    String owner = call.getTargetOwner().getName();
                    return call.getName().equals(CONSTRUCTOR_NAME) ? clients.contains(owner)
                            : call.getName().equals("create") && admins.contains(owner);
                });
        return noClasses().that().doNotHaveFullyQualifiedName("fr.convergence.kit.kafka.KafkaClients")
                .should().callCodeUnitWhere(makesAClient)
                .as("Kafka clients are made by service-kit's KafkaClients only, with the instance's connection settings");
    }

    /**
     * A controller turns HTTP into calls of the service's application classes and back: it never reaches into a
     * store (a class of a {@code ..store..} package) nor into the MongoDB driver itself. Access checks, the order of
     * writes and their undoing then live in one application class that every entry point shares, not in the web layer.
     */
    public static ArchRule controllersNeverTouchStores() {
        return noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should().dependOnClassesThat().resideInAnyPackage("..store..", "com.mongodb..")
                .as("controllers never touch stores directly: no class of a store package, no MongoDB driver class");
    }

    /** The service's feature packages depend on each other in one direction only: no cycle between them. */
    public static ArchRule noCyclesBetweenFeatures(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .as("no dependency cycle between the feature packages of " + servicePackage);
    }
}
