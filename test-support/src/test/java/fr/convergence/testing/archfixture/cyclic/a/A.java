package fr.convergence.testing.archfixture.cyclic.a;

/** Half of a cycle: a feature that needs b, which needs a. */
public class A {
    public fr.convergence.testing.archfixture.cyclic.b.B partner;
}
