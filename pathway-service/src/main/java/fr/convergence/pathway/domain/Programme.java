package fr.convergence.pathway.domain;

/** PHC: Premières Heures en Chantier, the gradual entry door. CVG: the Convergence pathway proper. */
public enum Programme { PHC, CVG }
