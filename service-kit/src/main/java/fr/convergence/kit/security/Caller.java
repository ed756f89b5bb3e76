package fr.convergence.kit.security;

import fr.convergence.kit.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as the identity provider vouched for it in a signed token. Services take it as a controller
 * parameter and decide object-level access with it: an object of a territory or ACI the caller does not see is
 * answered as absent (404), so its existence does not leak (OWASP API1).
 *
 * @param userId      the token's subject; recorded as {@code recordedBy}
 * @param role        the caller's role
 * @param territories the territories the caller works in (the union of the {@code territory} and
 *                    {@code territories} claims): one for most people, several for a portfolio (a project lead
 *                    following three territories), none for a national role — or for a token that lost its claim,
 *                    which then sees nothing
 * @param aciId       the ACI the caller works in (ACI staff), or {@code null}
 * @param nationalScope whether the token says, in its own claim, that its holder works nationally: an auditor or
 *                      analyst of a territory whose token lost its territory claim must not become national
 */
public record Caller(String userId, Role role, Set<String> territories, String aciId, boolean nationalScope) {

    /** The problem rule of a request that must name one of the caller's several territories and does not. */
    public static final String TERRITORY_REQUIRED = "territory-required";

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        // sorted, so that lists and messages name a portfolio's territories in the same order every time
        territories = territories == null ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(territories));
    }

    /** A caller of one territory, as tests and tools build it: national exactly when it names no territory. */
    public Caller(String userId, Role role, String territory, String aciId) {
        this(userId, role, territory == null ? Set.of() : Set.of(territory), aciId, territory == null);
    }

    /**
     * The caller's territory when they work in exactly one; {@code null} for a national caller, for a portfolio of
     * several (read {@link #territories()}, or {@link #territoryFor(String)} for a write) and for a token without
     * its territory. Code that reads {@code null} as "no territory" thus fails closed for a portfolio.
     */
    public String territory() {
        return territories.size() == 1 ? territories.iterator().next() : null;
    }

    /** Works in several territories (a portfolio): a request about one territory must name it. */
    public boolean portfolio() {
        return territories.size() > 1;
    }

    /**
     * National callers see every territory: a national role (analyst, auditor, administrator, evaluator) whose token
     * carries no territory AND says it is national ({@code national: true}). Any other token without its territory
     * sees nothing, so a misconfigured identity provider fails closed (issue 21 finding 12). National scope grants
     * no route: the evaluator is national, yet every route but reporting's evaluation extract refuses its role.
     */
    public boolean national() {
        return nationalScope && territories.isEmpty()
                && is(Role.NATIONAL_ANALYST, Role.AUDITOR, Role.ADMIN, Role.EVALUATOR);
    }

    /** Every territory for a national caller; otherwise exactly the caller's territories (none: nothing). */
    public boolean seesTerritory(String otherTerritory) {
        return national() || (otherTerritory != null && territories.contains(otherTerritory));
    }

    /** Works in one ACI (CIP, encadrant·e): scoped to that ACI, never to the whole territory. */
    public boolean aciStaff() {
        return is(Role.CIP, Role.ENCADRANT);
    }

    /**
     * ACI staff see their own ACI only (none if the token lacks it; none either if it names several territories:
     * an ACI lies in one, so such a token is misconfigured); other roles see the ACIs of their territories.
     */
    public boolean seesAci(String otherTerritory, String otherAci) {
        if (!seesTerritory(otherTerritory)) {
            return false;
        }
        return aciStaff() ? territories.size() == 1 && aciId != null && aciId.equals(otherAci)
                : aciId == null || aciId.equals(otherAci);
    }

    /**
     * The territory a request about one territory (a creation, a write) is for: the one it names, else the caller's
     * only territory. The service then checks that the caller sees it ({@link #seesTerritory}), exactly as for a
     * named one. {@code null} when neither says (a national caller, a token without territory): the service decides,
     * as before. A portfolio naming none is a bad request (400, field {@code territory}): guessing which of their
     * territories they meant would write into the wrong one.
     */
    public String territoryFor(String named) {
        if (named != null && !named.isBlank()) {
            return named;
        }
        if (portfolio()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, TERRITORY_REQUIRED, "territory",
                    "you work in several territories " + territories + ": name the one this request is for");
        }
        return territory();
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
