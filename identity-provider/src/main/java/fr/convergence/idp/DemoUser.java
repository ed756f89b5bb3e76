package fr.convergence.idp;

import java.util.List;

/**
 * A person who can sign in, with the claims every service reads ({@code role}, {@code territory} /
 * {@code territories}, {@code aci}). {@code territories} lists where they work: one territory for most people,
 * several for a portfolio (a project lead following three), none for national users (who alone get
 * {@code national: true}). {@code aci} is null for everyone but ACI staff.
 */
public record DemoUser(String username, String role, List<String> territories, String aci, String name) {

    public DemoUser {
        territories = territories == null ? List.of() : List.copyOf(territories);
    }

    /** Someone working in one territory ({@code null}: a national user). */
    static DemoUser of(String username, String role, String territory, String aci, String name) {
        return new DemoUser(username, role, territory == null ? List.of() : List.of(territory), aci, name);
    }

    public boolean national() {
        return territories.isEmpty();
    }
}
