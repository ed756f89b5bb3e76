package fr.convergence.deploy.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A plausible, varied pathway history for one participant: PHC ramps and transitions, CVG contracts and
 * extensions, barriers assessed and lifted, housing, health, rights, training, immersions, monthly hours,
 * exits of every category and post-exit follow-up. Every date respects the programme rules, and no date is
 * in the future.
 */
final class PathwayScenario {

    /** One API call of the scenario, relative to the pathway: {@code /weekly-hours}, {@code /exit}, … */
    record Step(LocalDate date, String path, Map<String, Object> body) {
    }

    static final String[][] EXITS = {
            {"CDI", "CDI_AIDED", "CDD_6_MONTHS_OR_MORE", "BUSINESS_CREATION"},  // durable employment
            {"CDD_UNDER_6_MONTHS", "AIDED_FIXED_TERM_CONTRACT"},                 // transition employment
            {"QUALIFYING_TRAINING", "OTHER_IAE_STRUCTURE", "RETIREMENT"},         // positive exit
            {"UNEMPLOYED", "INACTIVE", "NO_NEWS", "DISMISSAL"},                   // other exit
            {"LONG_SICK_LEAVE", "DEATH", "TRANSFER", "JUDICIAL_DECISION"}};       // withdrawn
    static final double[] EXIT_WEIGHTS = {0.27, 0.16, 0.14, 0.33, 0.10};
    static final String[] DOMAINS = {"HOUSING", "HEALTH", "MOBILITY", "LANGUAGE_LITERACY", "RIGHTS_ADMINISTRATIVE",
            "JUSTICE", "DEBT_FINANCE", "FAMILY_CHILDCARE", "DIGITAL", "ADDICTION", "EMPLOYMENT_PROJECT"};
    static final String[] RIGHTS = {"RSA", "AAH", "CSS", "AME", "HEALTH_INSURANCE", "HOUSING_BENEFIT", "ACTIVITY_BONUS",
            "IDENTITY_DOCUMENT", "BANK_ACCOUNT"};

    final String programme;
    final LocalDate start;
    final LocalDate plannedEnd;
    final double weeklyHours;
    final boolean derogation;
    final List<Step> steps = new ArrayList<>();
    final List<String> partnerBarriers = new ArrayList<>();

    private final Random random;
    private final LocalDate today;

    PathwayScenario(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
        this.start = today.minusDays(20 + random.nextInt(365 * 4));
        boolean phc = random.nextDouble() < 0.45;
        this.programme = phc ? "PHC" : "CVG";
        this.derogation = !phc && random.nextDouble() < 0.2;
        this.weeklyHours = phc ? 4 : derogation ? 12 + random.nextInt(7) : 20 + random.nextInt(7);
        this.plannedEnd = phc ? start.plusMonths(6) : start.plusMonths(24).minusDays(1);
        build(phc);
    }

    private void build(boolean phc) {
        LocalDate horizon = today;
        LocalDate exit = null;
        long ageMonths = ChronoUnit.MONTHS.between(start, today);
        if (ageMonths >= 4 && random.nextDouble() < Math.min(0.85, ageMonths / 30.0)) {
            exit = start.plusDays(90 + random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(start, today) - 90)));
            if (exit.isAfter(start.plusMonths(59))) {
                exit = start.plusMonths(59);
            }
            horizon = exit;
        }
        LocalDate cursor = start;
        double hours = weeklyHours;
        LocalDate currentEnd = plannedEnd;
        String currentProgramme = programme;
        // barriers assessed early on
        int barriers = 1 + random.nextInt(4);
        List<String> open = new ArrayList<>();
        for (int i = 0; i < barriers; i++) {
            String domain = DOMAINS[random.nextInt(DOMAINS.length)];
            if (open.contains(domain)) {
                continue;
            }
            String handling = pick("INTERNAL", "PARTNER", "BOTH");
            add(start.plusDays(random.nextInt(30)), "/barriers", Map.of("domain", domain,
                    "intensity", pick("LOW", "MEDIUM", "HIGH"), "handling", handling), horizon);
            open.add(domain);
            if (!handling.equals("INTERNAL")) {
                partnerBarriers.add(domain);
            }
        }
        if (phc) {
            // the PHC → CVG transition (60 %) is decided first: the ramp-up happens before it
            LocalDate transition = start.plusMonths(3 + random.nextInt(8));
            boolean transitions = random.nextDouble() < 0.6 && !transition.isAfter(horizon);
            LocalDate rampEnd = transitions ? transition : start.plusMonths(11);
            // PHC ramp-up: +2 h every 3 to 8 weeks, from 4 h towards 8–20 h
            double target = 8 + 2 * random.nextInt(7);
            while (hours < target) {
                cursor = cursor.plusWeeks(3 + random.nextInt(6));
                if (cursor.isAfter(horizon) || !cursor.isBefore(rampEnd)) {
                    break;
                }
                hours += 2;
                add(cursor, "/weekly-hours", Map.of("effectiveDate", cursor.toString(), "weeklyHours", hours), horizon);
            }
            if (transitions) {
                currentEnd = transition.plusMonths(24).minusDays(1);
                double cvgHours = 20 + random.nextInt(7);
                add(transition, "/transition", Map.of("date", transition.toString(), "plannedEnd", currentEnd.toString(),
                        "weeklyHours", cvgHours), horizon);
                currentProgramme = "CVG";
                hours = cvgHours;
                cursor = transition;
            }
        }
        // extensions of long Convergence pathways, each ≤ 12 months, total ≤ 60 months
        while ("CVG".equals(currentProgramme) && currentEnd.minusMonths(2).isBefore(horizon)
                && currentEnd.plusMonths(12).isBefore(start.plusMonths(60)) && !currentEnd.minusMonths(2).isAfter(today)) {
            LocalDate decision = currentEnd.minusMonths(2);
            LocalDate newEnd = currentEnd.plusMonths(12);
            add(decision, "/extensions", Map.of("decisionDate", decision.toString(), "newPlannedEnd", newEnd.toString(),
                    "reason", pick("PARTICULARLY_SIGNIFICANT_DIFFICULTIES", "HOUSING_PENDING", "TRAINING_IN_PROGRESS",
                            "HEALTH_CARE_IN_PROGRESS"), "decisionReference", "DEC-" + (1000 + random.nextInt(9000))), horizon);
            currentEnd = newEnd;
        }
        // social outcomes
        if (random.nextDouble() < 0.55) {
            add(between(start, horizon), "/health-care", Map.of(), horizon);
        }
        if (random.nextDouble() < 0.65) {
            LocalDate d = between(start, horizon);
            add(d, "/rights", Map.of("right", RIGHTS[random.nextInt(RIGHTS.length)]), horizon);
        }
        if (random.nextDouble() < 0.4) {
            LocalDate d = between(start, horizon);
            add(d, "/housing", Map.of("kind", pick("DURABLE_HOUSING", "SOCIAL_RESIDENCE", "SHELTER")), horizon);
        }
        if (random.nextDouble() < 0.3) {
            LocalDate begun = between(start, horizon);
            String trainingId = "training-" + random.nextInt(100);
            add(begun, "/trainings", Map.of("trainingId", trainingId, "qualifying", random.nextBoolean()), horizon);
            LocalDate done = begun.plusWeeks(4 + random.nextInt(20));
            if (random.nextDouble() < 0.7) {
                add(done, "/trainings/" + trainingId + "/completion", Map.of("certified", random.nextBoolean()), horizon);
            }
        }
        if (random.nextDouble() < 0.25) {
            add(between(start, horizon), "/immersions", Map.of("days", 3 + random.nextInt(10)), horizon);
        }
        for (String domain : open) {
            if (random.nextDouble() < 0.5) {
                LocalDate lifted = start.plusDays(30 + random.nextInt(300));
                add(lifted, "/barriers/" + domain + "/lift", Map.of(), horizon);
            }
        }
        // hours actually worked, for the last 3 months of the pathway (older months are left out to keep the demo short)
        YearMonth last = YearMonth.from(horizon).minusMonths(horizon.equals(today) ? 1 : 0);
        YearMonth first = YearMonth.from(start);
        for (YearMonth m = last.minusMonths(2).isBefore(first) ? first : last.minusMonths(2); !m.isAfter(last); m = m.plusMonths(1)) {
            double worked = Math.round(hours * 4.33 * (0.7 + 0.3 * random.nextDouble()) * 10) / 10.0;
            steps.add(new Step(m.atDay(1), "/monthly-hours", Map.of("month", m.toString(), "hours", worked)));
        }
        steps.sort(Comparator.comparing(Step::date));
        if (exit != null) {
            int category = weighted();
            String reason = EXITS[category][random.nextInt(EXITS[category].length)];
            steps.add(new Step(exit, "/exit", body(exit, Map.of("reason", reason))));
            if (category < 3 && random.nextDouble() < 0.6) {
                LocalDate followUp = exit.plusDays(random.nextInt(20));
                if (!followUp.isAfter(today)) {
                    steps.add(new Step(followUp, "/follow-up/start", body(followUp, Map.of())));
                    LocalDate end = followUp.plusMonths(6 + random.nextInt(6));
                    if (!end.isAfter(today) && !end.isAfter(exit.plusMonths(12))) {
                        steps.add(new Step(end, "/follow-up/end", body(end, Map.of())));
                    }
                }
            }
        }
    }

    private void add(LocalDate date, String path, Map<String, Object> fields, LocalDate horizon) {
        if (date.isBefore(start) || date.isAfter(horizon) || date.isAfter(today)) {
            return;
        }
        steps.add(new Step(date, path, fields.containsKey("effectiveDate") || fields.containsKey("decisionDate")
                ? fields : body(date, fields)));
    }

    private static Map<String, Object> body(LocalDate date, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.putAll(fields);
        return body;
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        return from.plusDays(random.nextInt((int) days));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private int weighted() {
        double r = random.nextDouble();
        for (int i = 0; i < EXIT_WEIGHTS.length; i++) {
            r -= EXIT_WEIGHTS[i];
            if (r <= 0) {
                return i;
            }
        }
        return EXIT_WEIGHTS.length - 1;
    }
}
