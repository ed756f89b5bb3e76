package fr.convergence.platform;

import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;

/** The platform scenarios on the embedded infrastructure: a real KRaft broker and the durable MongoDB-wire store. */
class WholePlatformTest extends PlatformScenarios {

    @BeforeAll
    static void start() throws Exception {
        startServices(new Platform(Files.createTempDirectory("e2e")), true);
    }
}
