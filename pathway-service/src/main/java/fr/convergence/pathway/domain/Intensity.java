package fr.convergence.pathway.domain;

public enum Intensity { LOW, MEDIUM, HIGH }
