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

    /**
     * The housing solution a move into this situation secures, coming from {@code before}: durable housing, a social
     * residence, or a shelter for someone who was not sheltered yet; none for a move within the same group (one
     * shelter to another) or into a situation that is no solution (hosted by a third party, an institution).
     */
    public java.util.Optional<HousingKind> secures(HousingSituation before) {
        if (before != null && before.group == group) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(switch (group) {
            case DURABLE_HOUSING -> HousingKind.DURABLE_HOUSING;
            case SOCIAL_RESIDENCE -> HousingKind.SOCIAL_RESIDENCE;
            case SHELTER -> HousingKind.SHELTER;
            default -> null;
        });
    }
}
