package fr.convergence.partnership.domain;

public enum NeedStatus { OPEN, CLOSED }
