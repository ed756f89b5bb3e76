package fr.convergence.workspace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The staff workspace: French pages for the people who run the programme day to day. It owns no domain data; it
 * reads and writes through the services' APIs with the signed-in person's token, which the gateway relays.
 */
@SpringBootApplication
public class WorkspaceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkspaceApplication.class, args);
    }
}
