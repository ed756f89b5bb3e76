package fr.convergence.idp;

/**
 * A person who can sign in, with the claims every service reads ({@code role}, {@code territory}, {@code aci}).
 * {@code territory} is null for national roles and {@code aci} for everyone but ACI staff.
 */
public record DemoUser(String username, String role, String territory, String aci, String name) {
}
