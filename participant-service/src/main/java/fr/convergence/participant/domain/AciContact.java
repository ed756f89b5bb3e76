package fr.convergence.participant.domain;

/**
 * The accompaniment team's professional contact at an ACI (an organisation's address, not a person's data): what a
 * chargé·e de partenariat uses to reach the referent CIP of a need. Either part may be null.
 */
public record AciContact(String email, String phone) {

    public static final AciContact NONE = new AciContact(null, null);
}
