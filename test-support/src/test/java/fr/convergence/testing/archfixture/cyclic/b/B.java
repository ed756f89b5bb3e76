package fr.convergence.testing.archfixture.cyclic.b;

/** The other half of the cycle. */
public class B {
    public fr.convergence.testing.archfixture.cyclic.a.A partner;
}
