package fr.convergence.partnership.domain;

/** A professional contact of a partner organisation (never a participant). */
public record Contact(String name, String role, String email, String phone) {
}
