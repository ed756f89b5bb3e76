package fr.convergence.testing.archfixture.layered.domain;

/** A domain class that leans on Spring: what the shared domain rule refuses. */
public class Rule {
    public org.springframework.util.StringUtils leak;
}
