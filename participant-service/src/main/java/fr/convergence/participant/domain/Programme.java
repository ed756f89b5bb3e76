package fr.convergence.participant.domain;

/** The two contracts an ACI can run: the entry door (PHC) and the reinforced Convergence pathway (CVG). */
public enum Programme {
    PHC, CVG
}
