package fr.convergence.workspace.partners;

import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.Labels;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a referral after its proposal, as partnership-service runs them (PROPOSED → ACCEPTED | DECLINED |
 * CANCELLED; ACCEPTED → COMPLETED | CANCELLED): the French slug of the page, the service's route, the statuses it
 * starts from and the roles the service lets take it (so that the page offers only what will be accepted).
 */
enum ReferralStep {
    ACCEPT("accepter", "accept", "Accepter l'orientation", "Enregistrer l'acceptation",
            Set.of("PROPOSED"), Set.of(StaffRole.PARTNERSHIP_OFFICER, StaffRole.COORDINATOR)),
    DECLINE("refuser", "decline", "Refus de l'orientation", "Enregistrer le refus",
            Set.of("PROPOSED"), Set.of(StaffRole.PARTNERSHIP_OFFICER, StaffRole.COORDINATOR)),
    COMPLETE("aboutir", "complete", "Orientation aboutie", "Enregistrer l'issue",
            Set.of("ACCEPTED"), Set.of(StaffRole.PARTNERSHIP_OFFICER, StaffRole.COORDINATOR)),
    CANCEL("annuler", "cancel", "Annuler l'orientation", "Annuler l'orientation",
            Set.of("PROPOSED", "ACCEPTED"), Set.of(StaffRole.PARTNERSHIP_OFFICER));

    private final String slug;
    private final String route;
    private final String heading;
    private final String submit;
    private final Set<String> from;
    private final Set<StaffRole> roles;

    ReferralStep(String slug, String route, String heading, String submit, Set<String> from, Set<StaffRole> roles) {
        this.slug = slug;
        this.route = route;
        this.heading = heading;
        this.submit = submit;
        this.from = from;
        this.roles = roles;
    }

    String slug() {
        return slug;
    }

    String route() {
        return route;
    }

    String heading() {
        return heading;
    }

    String submit() {
        return submit;
    }

    boolean allows(StaffRole role) {
        return roles.contains(role);
    }

    boolean offeredFrom(String status, StaffRole role) {
        return from.contains(status) && roles.contains(role);
    }

    /**
     * The form's fields; the outcome list is the service's own codes, labelled in French, and so is the reason list
     * (code → label, from the service's table): a reason is chosen, never typed, since it is published.
     */
    List<Field> fields(List<String> outcomeCodes, Map<String, String> reasons) {
        Field date = Field.date("date", "Date");
        return switch (this) {
            case ACCEPT -> List.of(date);
            case DECLINE, CANCEL -> List.of(date, Field.select("reason", "Motif", reasons));
            case COMPLETE -> {
                Map<String, String> options = new java.util.LinkedHashMap<>();
                outcomeCodes.forEach(c -> options.put(c, Labels.label(Labels.REFERRAL_OUTCOMES, c)));
                yield List.of(date, Field.select("outcome", "Issue", options));
            }
        };
    }

    /** Whether the step takes a reason (then {@link #fields} needs the service's reason list for it). */
    boolean takesReason() {
        return this == DECLINE || this == CANCEL;
    }

    static Optional<ReferralStep> fromSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
}
