package fr.convergence.testing.archfixture.layered.api;

/** Depends on the domain, one way only. */
public class Controller {
    public fr.convergence.testing.archfixture.layered.domain.Rule rule;
}
