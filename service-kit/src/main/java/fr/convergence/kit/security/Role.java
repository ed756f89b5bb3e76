package fr.convergence.kit.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eight roles of the programme, as carried in the token's {@code role} claim. Each service decides what a role
 * may do on its own routes ({@code @PreAuthorize("hasRole('CIP')")}); a role never implies another.
 */
public enum Role {
    /** ACI staff (conseiller·ère en insertion professionnelle): the people of their own ACI. */
    CIP("cip"),
    /** Encadrant·e technique of an ACI: enters the hours worked by the people of their own ACI, nothing else. */
    ENCADRANT("encadrant"),
    /** Chargé·e de partenariat: referrals and needs of their territory, never the partner network's set-up. */
    PARTNERSHIP_OFFICER("partnership-officer"),
    /** Territory coordinator: runs the partner network and reads everything of their territory. */
    COORDINATOR("coordinator"),
    /** National team: aggregates and pseudonymous data only, every territory. */
    NATIONAL_ANALYST("national-analyst"),
    /** Auditor: replays full histories; every read is recorded. */
    AUDITOR("auditor"),
    /** Administrator: reference data and operations (rebuilds, dead letters), no personal data. */
    ADMIN("admin"),
    /**
     * External evaluator (issue 19): national scope, but reads only the pseudonymised evaluation extract that
     * reporting-service serves. No other route of any service admits it, however national its token.
     */
    EVALUATOR("evaluator");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The value in the token's {@code role} claim. */
    public String claim() {
        return claim;
    }

    /** The Spring Security authority this role maps to, e.g. {@code ROLE_CIP}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
