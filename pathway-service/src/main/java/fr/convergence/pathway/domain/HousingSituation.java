package fr.convergence.pathway.domain;

/**
 * Where a person sleeps, coded (no free text): at entry, as it changes during the pathway, at exit and when found
 * again during follow-up. {@link #group()} is the level the programme's figures use ("came from the street",
 * "exits to durable housing or to shelter").
 */
public enum HousingSituation {
    STREET(Group.STREET),
    MAKESHIFT(Group.STREET),                 // squat, camp, vehicle
    EMERGENCY_SHELTER(Group.SHELTER),        // hébergement d'urgence, 115
    SOCIAL_HOTEL(Group.SHELTER),             // hôtel social
    INSERTION_SHELTER(Group.SHELTER),        // CHRS, hébergement d'insertion
    HOSTED_BY_THIRD_PARTY(Group.HOSTED),     // chez un tiers
    INSTITUTION(Group.INSTITUTION),          // hospital, prison, care home
    SOCIAL_RESIDENCE(Group.SOCIAL_RESIDENCE), // résidence sociale, pension de famille
    DURABLE_HOUSING(Group.DURABLE_HOUSING),  // own lease or property
    UNKNOWN(Group.UNKNOWN);

    /** The coarse groups of the programme's figures. */
    public enum Group { STREET, SHELTER, HOSTED, INSTITUTION, SOCIAL_RESIDENCE, DURABLE_HOUSING, UNKNOWN }

    private final Group group;

    HousingSituation(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }
}
