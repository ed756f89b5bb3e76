package fr.convergence.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner side of the demo (partnership-service): each territory's network, and referrals for barriers that
 * a partner handles, through the gateway like the rest of the loader.
 *
 * <p>A partnership-service instance serves the territories of its {@code TERRITORIES} (the local run's serves all
 * eight). A territory the instance behind the gateway does not serve is skipped with a note: its coordinator could
 * not record partners there.
 */
final class PartnerNetwork {

    private static final String API = "/api/partnerships";

    /** name pattern ({@code %s} = the territory's name) → partner domains. Together they cover every domain. */
    private static final Map<String, Set<String>> PLAN = new LinkedHashMap<>();

    static {
        PLAN.put("Mission Locale de %s", Set.of("EMPLOYMENT", "TRAINING"));
        PLAN.put("GRETA %s — Savoirs de base", Set.of("TRAINING", "LANGUAGE", "DIGITAL"));
        PLAN.put("Habitat et Solidarité %s", Set.of("HOUSING"));
        PLAN.put("Centre de santé Les Tilleuls (%s)", Set.of("HEALTH"));
        PLAN.put("CSAPA Le Passage (%s)", Set.of("ADDICTION", "HEALTH"));
        PLAN.put("CCAS de %s", Set.of("RIGHTS", "CHILDCARE"));
        PLAN.put("Point-conseil budget %s", Set.of("DEBT", "RIGHTS"));
        PLAN.put("SPIP de %s", Set.of("JUSTICE"));
        PLAN.put("Plateforme Mobilité %s", Set.of("MOBILITY"));
        PLAN.put("Relais Petite Enfance %s", Set.of("CHILDCARE"));
    }

    /** The outcome a completed referral usually has in each partner domain (if the service lists it). */
    private static final Map<String, List<String>> USUAL_OUTCOMES = Map.of("HOUSING", List.of("HOUSED", "SHELTERED"),
            "HEALTH", List.of("CARE_STARTED"), "ADDICTION", List.of("CARE_STARTED"), "RIGHTS", List.of("RIGHTS_OPENED"),
            "DEBT", List.of("DEBT_PLAN_AGREED"), "EMPLOYMENT", List.of("JOB_FOUND"),
            "TRAINING", List.of("TRAINING_STARTED"), "LANGUAGE", List.of("TRAINING_STARTED"));
    private static final List<String> UNSUCCESSFUL = List.of("NOT_ELIGIBLE", "NO_SHOW", "OTHER");
    /** Codes of partnership-service's reason table (partnership-reference.yml): a reason is a code, never text. */
    private static final String[] DECLINE_REASONS = {"FULL", "OUT_OF_AREA", "NOT_ELIGIBLE", "WAITING_TOO_LONG"};
    private static final String[] CANCEL_REASONS = {"PERSON_DECLINED", "MISSED_APPOINTMENTS", "NEED_MET_ELSEWHERE"};

    private final ApiClient api;
    /** The demo's "today": fixed for a load and its resumptions, so that every request is the same again. */
    private final LocalDate today;
    /** territory → partner domain → partner ids; written by ensure (before the loader's pool starts). */
    private final Map<String, Map<String, List<String>>> partners = new ConcurrentHashMap<>();
    private volatile List<String> outcomes = List.of();
    /** Pathway barrier domain → partner domain, as partnership-service's own table says. */
    private volatile Map<String, String> barrierToPartner = Map.of();
    private volatile Set<String> served;

    PartnerNetwork(ApiClient api, LocalDate today) {
        this.api = api;
        this.today = today;
    }

    void ensure(String territory) {
        if (!serves(territory)) {
            return;
        }
        try {
            network(territory);
        } catch (IllegalStateException e) {
            // the participants and pathways are the heart of the demo: load them even without partners
            System.out.printf("    partners: none for %s (%s)%n", territory, e.getMessage());
        }
    }

    /** Creates the missing partners and agreements (idempotent: found by name, reused) and remembers their ids. */
    private void network(String territory) {
        String user = coordinator(territory);   // only coordinators manage the partner network
        Map<String, JsonNode> existing = new LinkedHashMap<>();
        for (JsonNode p : ok(api.get(API + "/partners?size=200", user), "list partners").body().path("items")) {
            existing.put(p.path("name").asText(), p);
        }
        Map<String, List<String>> byDomain = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger planned = new java.util.concurrent.atomic.AtomicInteger();
        PLAN.forEach((pattern, domains) -> {
            String name = pattern.formatted(displayName(territory));
            String key = "demo:" + territory + ":partner:" + planned.incrementAndGet();   // keys are ASCII: not the name
            JsonNode known = existing.get(name);
            String id;
            Set<String> inAgreement = new HashSet<>();
            if (known != null) {   // second run: reuse it
                id = known.path("partnerId").asText();
                known.path("inAgreement").forEach(d -> inAgreement.add(d.asText()));
            } else {
                id = ok(api.post(API + "/partners", user, Map.of("name", name, "domains", domains,
                        "contacts", List.of(Map.of("name", "Accueil", "role", "secrétariat",
                                "email", "contact@" + territory + ".example.org"))), key), "register " + name)
                        .body().path("id").asText();
            }
            // Referrals go back to pathway starts up to ~4 years ago: the agreement must cover them all.
            if (!inAgreement.containsAll(domains)) {
                ok(api.post(API + "/partners/" + id + "/agreements", user, Map.of(
                        "startsOn", today.minusYears(4).minusMonths(2).toString(),
                        "endsOn", today.plusYears(2).toString(), "scope", domains), key + ":agreement"),
                        "agreement of " + name);
            }
            domains.forEach(d -> byDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
        });
        if (outcomes.isEmpty()) {   // the service's own list, so completions use valid codes
            List<String> codes = new ArrayList<>();
            ok(api.get(API + "/referral-outcomes", user), "referral outcomes").body().forEach(c -> codes.add(c.asText()));
            if (codes.isEmpty()) {
                throw new IllegalStateException("partnership-service lists no referral outcome codes");
            }
            outcomes = List.copyOf(codes);
            Map<String, String> table = new java.util.HashMap<>();
            ok(api.get(API + "/barrier-domains", user), "barrier domains").body()
                    .fields().forEachRemaining(e -> table.put(e.getKey(), e.getValue().asText()));
            barrierToPartner = Map.copyOf(table);
        }
        partners.put(territory, byDomain);   // last: refer() only runs for a complete network
    }

    /**
     * Proposes the participant to a partner of the barrier's domain, then (plausibly) accepts or declines, and
     * completes or cancels; a few stay pending, as in real life. Returns the number of API calls made.
     *
     * <p>partnership-service does not need to know the participant beforehand: it only refuses (422
     * participant-exited) one whose exit it has already consumed from Kafka, which is skipped. An exit consumed
     * while the referral runs cancels it, so a later step may meet 409/422: the referral is then left as is.
     * {@code key} prefixes the idempotency keys of the referral's calls: a load started again replays them.
     */
    int refer(String territory, String participantId, String barrierDomain, LocalDate since, Random random,
              String key) {
        Map<String, List<String>> network = partners.get(territory);
        String domain = barrierToPartner.get(barrierDomain);
        List<String> candidates = network == null || domain == null ? List.of() : network.getOrDefault(domain, List.of());
        if (candidates.isEmpty()) {
            return 0;
        }
        String user = officer(territory);
        LocalDate proposed = atMostToday(since.plusDays(7 + random.nextInt(84)));
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("participantId", participantId);
        proposal.put("partnerId", candidates.get(random.nextInt(candidates.size())));
        proposal.put("domain", barrierDomain);
        proposal.put("proposedOn", proposed.toString());
        ApiClient.Reply created = api.post(API + "/referrals", user, proposal, key + ":propose");
        if (refused(created)) {
            return 1;
        }
        String path = API + "/referrals/" + created.body().path("id").asText();
        double fate = random.nextDouble();
        if (fate < 0.12) {
            return 1;   // still waiting for the partner's answer
        }
        if (fate < 0.27) {
            api(api.post(path + "/decline", user, Map.of("date", atMostToday(proposed.plusDays(3 + random.nextInt(18))).toString(),
                    "reason", DECLINE_REASONS[random.nextInt(DECLINE_REASONS.length)]), key + ":decline"));
            return 2;
        }
        LocalDate accepted = atMostToday(proposed.plusDays(2 + random.nextInt(14)));
        if (refused(api.post(path + "/accept", user, Map.of("date", accepted.toString()), key + ":accept"))) {
            return 2;
        }
        double end = random.nextDouble();
        LocalDate closed = atMostToday(accepted.plusDays(20 + random.nextInt(100)));
        if (end < 0.75) {
            api(api.post(path + "/complete", user, Map.of("date", closed.toString(), "outcome", outcome(domain, random)), key + ":complete"));
        } else if (end < 0.87) {
            api(api.post(path + "/cancel", user, Map.of("date", closed.toString(),
                    "reason", CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)]), key + ":cancel"));
        } else {
            return 2;   // under way
        }
        return 3;
    }

    /**
     * Whether the partnership instance behind the gateway serves this territory; says so when not. If the service
     * cannot tell (down, older version), the partner side is skipped rather than failing the whole demo.
     */
    private boolean serves(String territory) {
        if (served == null) {
            String why;
            Set<String> listed = new HashSet<>();
            try {
                ApiClient.Reply reply = api.get(API + "/territory", officer(territory));
                if (reply.ok()) {
                    reply.body().path("territories").forEach(t -> listed.add(t.asText()));
                    if (listed.isEmpty() && reply.body().hasNonNull("territory")) {   // an instance of one territory
                        listed.add(reply.body().path("territory").asText());
                    }
                }
                why = reply.status() + " " + reply.raw();
            } catch (IllegalStateException unreachable) {
                why = unreachable.getMessage();
            }
            if (listed.isEmpty()) {
                System.out.printf("    partners: skipped, partnership-service did not say which territories it serves "
                        + "(%s)%n", why);
            }
            served = Set.copyOf(listed);
        }
        if (!served.contains(territory)) {
            if (!served.isEmpty()) {
                System.out.printf("    partners: partnership-service serves %s; no partner network nor referrals for "
                        + "%s%n", served, territory);
            }
            return false;
        }
        return true;
    }

    private String outcome(String domain, Random random) {
        List<String> usual = USUAL_OUTCOMES.getOrDefault(domain, List.of("SUPPORT_STARTED")).stream()
                .filter(outcomes::contains).toList();
        if (usual.isEmpty() || random.nextDouble() < 0.2) {
            List<String> other = UNSUCCESSFUL.stream().filter(outcomes::contains).toList();
            List<String> from = other.isEmpty() ? outcomes : other;
            return from.get(random.nextInt(from.size()));
        }
        return usual.get(random.nextInt(usual.size()));
    }

    /** A refusal by the service's rules (422) or state (409, e.g. cancelled by the participant's exit meanwhile). */
    private static boolean refused(ApiClient.Reply reply) {
        return !api(reply).ok();
    }

    /** Rules and state refusals are part of the story; anything else is a loader or platform fault. */
    private static ApiClient.Reply api(ApiClient.Reply reply) {
        if (!reply.ok() && reply.status() != 409 && reply.status() != 422) {
            throw new IllegalStateException("partnership API → " + reply.status() + " " + reply.raw());
        }
        return reply;
    }

    private static ApiClient.Reply ok(ApiClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " → " + reply.status() + " " + reply.raw());
        }
        return reply;
    }

    private LocalDate atMostToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    /** The chargé·e de partenariat of the territory: sends referrals and records the partners' answers. */
    private static String officer(String territory) {
        return "cdp-" + territory;
    }

    /** The territory's coordinator: runs the partner network. */
    private static String coordinator(String territory) {
        return "coordinator-" + territory;
    }

    private static String displayName(String territory) {
        return Character.toUpperCase(territory.charAt(0)) + territory.substring(1);
    }
}
