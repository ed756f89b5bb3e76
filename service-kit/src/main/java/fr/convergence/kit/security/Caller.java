package fr.convergence.kit.security;

import java.util.Objects;

/**
 * Who is calling, as the identity provider vouched for it in a signed token. Services take it as a controller
 * parameter and decide object-level access with it: an object of a territory or ACI the caller does not see is
 * answered as absent (404), so its existence does not leak (OWASP API1).
 *
 * @param userId    the token's subject; recorded as {@code recordedBy}
 * @param role      the caller's role
 * @param territory the territory the caller works in, or {@code null} for a national role
 * @param aciId     the ACI the caller works in (ACI staff), or {@code null}
 * @param nationalScope whether the token says, in its own claim, that its holder works nationally: an auditor or
 *                      analyst of a territory whose token lost its territory claim must not become national
 */
public record Caller(String userId, Role role, String territory, String aciId, boolean nationalScope) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** A caller as tests and tools build it: national exactly when it names no territory. */
    public Caller(String userId, Role role, String territory, String aciId) {
        this(userId, role, territory, aciId, territory == null);
    }

    /**
     * National callers see every territory: a national role (analyst, auditor, administrator, evaluator) whose token
     * carries no territory AND says it is national ({@code national: true}). Any other token without its territory
     * sees nothing, so a misconfigured identity provider fails closed (issue 21 finding 12). National scope grants
     * no route: the evaluator is national, yet every route but reporting's evaluation extract refuses its role.
     */
    public boolean national() {
        return nationalScope && territory == null
                && is(Role.NATIONAL_ANALYST, Role.AUDITOR, Role.ADMIN, Role.EVALUATOR);
    }

    public boolean seesTerritory(String otherTerritory) {
        return national() || (territory != null && territory.equals(otherTerritory));
    }

    /** Works in one ACI (CIP, encadrant·e): scoped to that ACI, never to the whole territory. */
    public boolean aciStaff() {
        return is(Role.CIP, Role.ENCADRANT);
    }

    /** ACI staff see their own ACI only (none if the token lacks it); other roles see the ACIs of their territories. */
    public boolean seesAci(String otherTerritory, String otherAci) {
        if (!seesTerritory(otherTerritory)) {
            return false;
        }
        return aciStaff() ? aciId != null && aciId.equals(otherAci) : aciId == null || aciId.equals(otherAci);
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}
