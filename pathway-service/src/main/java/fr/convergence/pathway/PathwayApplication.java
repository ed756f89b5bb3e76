package fr.convergence.pathway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PathwayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PathwayApplication.class, args);
    }
}
