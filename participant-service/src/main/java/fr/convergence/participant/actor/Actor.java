package fr.convergence.participant.actor;

/** The staff member acting on a request (a CIP, a coordinator, an auditor), by their pseudonymous staff id. */
public record Actor(String userId) {
}
