package fr.convergence.partnership.store;

/**
 * Exact keys of the read-model documents. Every hot read and upsert is by an exact {@code _id}, the one index the
 * MongoDB stand-in always uses. Ids used as field names are escaped so that '.', '$' and '%' cannot form paths.
 */
public final class Keys {

    private Keys() {
    }

    public static String participant(String territory, String participantId) {
        return territory + "|" + participantId;
    }

    public static String queue(String territory, String partnerDomain) {
        return territory + "|" + partnerDomain;
    }

    public static String field(String id) {
        return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String queueEntry(String participantId, String barrierDomain) {
        return field(participantId) + "~" + barrierDomain;
    }
}
