package fr.convergence.deploy.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A plausible, varied pathway history for one participant: where the person came from (the entry profile: mostly
 * the street, shelters, hosted by third parties, referred by street outreach, the SIAO, day centres, prison
 * release…), PHC ramps and transitions, CVG contracts and extensions, barriers assessed and lifted, the housing
 * trajectory (street → shelter → social residence → durable housing for some), health, rights, training,
 * immersions, an accompaniment log, the hours worked every month, exits of every category with the housing at
 * exit, post-exit follow-up with its contacts at 1, 3, 6 and 12 months, and a few date corrections. Every date
 * respects the programme rules, and no date is in the future.
 *
 * <p><b>What the accompaniment log holds, and what it leaves out.</b> pathway-service records one act per call,
 * so logging every interview of 1,670 people (about twice a month early on, monthly after) would take some 50,000
 * calls. The demo logs, for everyone and over the whole pathway (no recent window, so no jump in any monthly
 * figure): the welcome phase's interviews (about twice a month in the first month), a case conference with the
 * social worker a few months in and another some months later, and the accompanied visits that lead to a recorded outcome (the medical visit
 * before care is accessed, the administrative one before a right is opened, the housing visit before a move, a
 * justice visit). The demo's support intensity is therefore lower than a real ACI's; its shape over time is not
 * distorted.
 */
final class PathwayScenario {

    /**
     * One API call of the scenario, relative to the pathway: {@code /weekly-hours}, {@code /exit}, … A step whose
     * path is {@link #DATE_CORRECTION} names the corrected event by its type and date ({@code correctedType},
     * {@code wrongDate}): the loader looks its sequence up in the pathway's events before sending the correction.
     */
    record Step(LocalDate date, String path, Map<String, Object> body) {
    }

    static final String DATE_CORRECTION = "/corrections/date";
    static final String MONTHLY_HOURS_SERIES = "/monthly-hours/series";
    static final String ENTRY_PROFILE = "/entry-profile";
    static final String ACCOMPANIMENTS = "/accompaniments";
    static final String HOUSING_SITUATION = "/housing-situation";
    static final String FOLLOW_UP_CONTACTS = "/follow-up/contacts";
    /** The programme's numbers, from pathway-service's programme-rules.yml: never a copy here. */
    static final DemoRules RULES = DemoRules.PROGRAMME;
    /** Months per monthly-hours series call: pathway-service takes up to pathway-max-months in one series. */
    static final int MONTHS_PER_SERIES = RULES.pathwayMaxMonths();

    static final String[][] EXITS = {
            {"CDI", "CDI_AIDED", "CDD_6_MONTHS_OR_MORE", "BUSINESS_CREATION"},  // durable employment
            {"CDD_UNDER_6_MONTHS", "AIDED_FIXED_TERM_CONTRACT"},                 // transition employment
            {"QUALIFYING_TRAINING", "OTHER_IAE_STRUCTURE", "RETIREMENT"},         // positive exit
            {"UNEMPLOYED", "INACTIVE", "NO_NEWS", "DISMISSAL"},                   // other exit
            {"LONG_SICK_LEAVE", "DEATH", "TRANSFER", "JUDICIAL_DECISION"}};       // withdrawn
    static final double[] EXIT_WEIGHTS = {0.27, 0.16, 0.14, 0.33, 0.10};
    static final int WITHDRAWN = 4;
    static final String[] DOMAINS = {"HOUSING", "HEALTH", "MOBILITY", "LANGUAGE_LITERACY", "RIGHTS_ADMINISTRATIVE",
            "JUSTICE", "DEBT_FINANCE", "FAMILY_CHILDCARE", "DIGITAL", "ADDICTION", "EMPLOYMENT_PROJECT"};

    /** Housing situations (pathway-service's HousingSituation), with how often a Convergence entrant comes from each. */
    static final String[] HOUSING = {"STREET", "MAKESHIFT", "EMERGENCY_SHELTER", "SOCIAL_HOTEL", "INSERTION_SHELTER",
            "HOSTED_BY_THIRD_PARTY", "INSTITUTION", "SOCIAL_RESIDENCE", "DURABLE_HOUSING", "UNKNOWN"};
    static final double[] HOUSING_AT_ENTRY = {0.24, 0.08, 0.18, 0.07, 0.12, 0.15, 0.03, 0.06, 0.05, 0.02};
    static final Set<String> STREET_GROUP = Set.of("STREET", "MAKESHIFT");
    static final Set<String> SHELTER_GROUP = Set.of("EMERGENCY_SHELTER", "SOCIAL_HOTEL", "INSERTION_SHELTER");
    static final String[] HEALTH_COVER = {"NONE", "BASIC_ONLY", "BASIC_AND_COMPLEMENTARY", "CSS", "AME", "UNKNOWN"};
    static final double[] HEALTH_COVER_AT_ENTRY = {0.22, 0.18, 0.08, 0.32, 0.10, 0.10};
    static final String[] DURATION = {"NOT_APPLICABLE", "UNDER_6_MONTHS", "MONTHS_6_TO_12", "YEARS_1_TO_2",
            "YEARS_2_TO_5", "OVER_5_YEARS", "UNKNOWN"};
    static final String[] EMPLOYED = {"CDI", "CDD_6_MONTHS_OR_MORE", "CDD_UNDER_6_MONTHS", "TEMPORARY_WORK",
            "SELF_EMPLOYED", "OTHER_IAE"};

    final String programme;
    final LocalDate start;
    final LocalDate plannedEnd;
    final double weeklyHours;
    final boolean derogation;
    final List<Step> steps = new ArrayList<>();
    final List<String> partnerBarriers = new ArrayList<>();
    /** The exit date, or null while the pathway runs. */
    LocalDate exit;
    /** Index in {@link #EXITS} of the exit's category, or -1. */
    int exitCategory = -1;
    /** The housing situation at entry, and the last one known (at exit, or today). */
    String entryHousing;
    String housingNow;
    /** Month → hours worked: every month of the pathway from the hiring to the exit (or last month). */
    final Map<YearMonth, Double> hoursByMonth = new LinkedHashMap<>();

    private final Random random;
    private final LocalDate today;
    private final List<Step> during = new ArrayList<>();
    private final List<Step> after = new ArrayList<>();
    /** Weekly hours from each date on: the hiring, the PHC ramp-up, the transition. */
    private final Map<LocalDate, Double> weeklyFrom = new LinkedHashMap<>();
    private final Set<String> rightsHeld = new java.util.HashSet<>();

    PathwayScenario(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
        this.start = today.minusDays(20 + random.nextInt(365 * 4));
        boolean phc = random.nextDouble() < 0.45;
        this.programme = phc ? "PHC" : "CVG";
        this.derogation = !phc && random.nextDouble() < 0.2;
        this.weeklyHours = phc ? RULES.phcMinWeeklyHours()
                : derogation ? 12 + random.nextInt(7) : RULES.standardMinWeeklyHours() + random.nextInt(7);
        this.plannedEnd = phc ? start.plusMonths(6) : start.plusMonths(RULES.contractMaxMonths()).minusDays(1);
        build(phc);
    }

    private void build(boolean phc) {
        LocalDate horizon = today;
        long ageMonths = ChronoUnit.MONTHS.between(start, today);
        if (ageMonths >= 4 && random.nextDouble() < Math.min(0.85, ageMonths / 30.0)) {
            exit = start.plusDays(90 + random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(start, today) - 90)));
            LocalDate lastExit = start.plusMonths(RULES.pathwayMaxMonths() - 1);
            if (exit.isAfter(lastExit)) {
                exit = lastExit;
            }
            horizon = exit;
        }
        weeklyFrom.put(start, weeklyHours);
        LocalDate profiled = entryProfile(horizon);
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
            LocalDate rampEnd = transitions ? transition : start.plusMonths(RULES.phcMaxMonths() - 1);
            // PHC ramp-up: +2 h every 3 to 8 weeks, from 4 h towards 8–20 h
            double target = 8 + 2 * random.nextInt(7);
            while (hours < target) {
                cursor = cursor.plusWeeks(3 + random.nextInt(6));
                if (cursor.isAfter(horizon) || !cursor.isBefore(rampEnd)) {
                    break;
                }
                hours += 2;
                add(cursor, "/weekly-hours", Map.of("effectiveDate", cursor.toString(), "weeklyHours", hours), horizon);
                weeklyFrom.put(cursor, hours);
            }
            if (transitions) {
                currentEnd = transition.plusMonths(RULES.contractMaxMonths()).minusDays(1);
                double cvgHours = RULES.standardMinWeeklyHours() + random.nextInt(7);
                add(transition, "/transition", Map.of("date", transition.toString(), "plannedEnd", currentEnd.toString(),
                        "weeklyHours", cvgHours), horizon);
                weeklyFrom.put(transition, cvgHours);
                currentProgramme = "CVG";
                hours = cvgHours;
                cursor = transition;
            }
        }
        // extensions of long Convergence pathways, each of extension-max-months, within pathway-max-months
        while ("CVG".equals(currentProgramme) && currentEnd.minusMonths(2).isBefore(horizon)
                && currentEnd.plusMonths(RULES.extensionMaxMonths()).isBefore(start.plusMonths(RULES.pathwayMaxMonths()))
                && !currentEnd.minusMonths(2).isAfter(today)) {
            LocalDate decision = currentEnd.minusMonths(2);
            LocalDate newEnd = currentEnd.plusMonths(RULES.extensionMaxMonths());
            add(decision, "/extensions", Map.of("decisionDate", decision.toString(), "newPlannedEnd", newEnd.toString(),
                    "reason", pick("PARTICULARLY_SIGNIFICANT_DIFFICULTIES", "HOUSING_PENDING", "TRAINING_IN_PROGRESS",
                            "HEALTH_CARE_IN_PROGRESS"), "decisionReference", "DEC-" + (1000 + random.nextInt(9000))), horizon);
            currentEnd = newEnd;
        }
        // social outcomes, each often prepared by an accompanied visit
        if (random.nextDouble() < 0.55) {
            LocalDate care = between(start, horizon);
            if (random.nextDouble() < 0.4) {
                accompaniment(care.minusDays(random.nextInt(10)), "VISIT_MEDICAL", horizon);
            }
            add(care, "/health-care", Map.of(), horizon);
        }
        List<String> missing = missingRights();
        if (!missing.isEmpty() && random.nextDouble() < 0.7) {
            LocalDate d = between(start, horizon);
            if (random.nextDouble() < 0.45) {
                accompaniment(d.minusDays(5 + random.nextInt(20)), "VISIT_ADMINISTRATIVE", horizon);
            }
            add(d, "/rights", Map.of("right", missing.get(random.nextInt(missing.size()))), horizon);
        }
        housingTrajectory(profiled, horizon);
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
            if (domain.equals("JUSTICE") && random.nextDouble() < 0.6) {
                accompaniment(between(start, horizon), "VISIT_JUSTICE", horizon);
            }
            if (random.nextDouble() < 0.5) {
                LocalDate lifted = start.plusDays(30 + random.nextInt(300));
                add(lifted, "/barriers/" + domain + "/lift", Map.of(), horizon);
            }
        }
        accompanimentLog(horizon);
        monthlyHours(horizon);
        during.sort(Comparator.comparing(Step::date));   // stable: same-day steps keep the order they were made in
        steps.addAll(during);
        // the hours worked, every month, in a few calls: after everything else of the active pathway
        List<Map<String, Object>> series = new ArrayList<>();
        int left = hoursByMonth.size();
        for (Map.Entry<YearMonth, Double> month : hoursByMonth.entrySet()) {
            series.add(Map.of("month", month.getKey().toString(), "hours", month.getValue()));
            left--;
            if (series.size() == MONTHS_PER_SERIES || left == 0) {
                // dated by the last day it covers (the step's date only orders and describes it)
                LocalDate covered = month.getKey().atEndOfMonth().isAfter(horizon) ? horizon : month.getKey().atEndOfMonth();
                steps.add(new Step(covered, MONTHLY_HOURS_SERIES, Map.of("months", List.copyOf(series))));
                series.clear();
            }
        }
        corrections(horizon);
        if (exit != null) {
            exitAndFollowUp();
        }
    }

    /**
     * The entry profile, recorded at hiring or within the three weeks after it: where the person sleeps and for how
     * long without housing, who sent them, health cover and rights, how long without work. Coded values only.
     * Answers the date of the last profile (a correction's, if any).
     */
    private LocalDate entryProfile(LocalDate horizon) {
        entryHousing = HOUSING[weighted(HOUSING_AT_ENTRY)];
        housingNow = entryHousing;
        String withoutHousing = switch (entryHousing) {
            case "DURABLE_HOUSING", "SOCIAL_RESIDENCE" -> "NOT_APPLICABLE";
            case "STREET", "MAKESHIFT" -> DURATION[weighted(0, 0.05, 0.10, 0.20, 0.35, 0.25, 0.05)];
            case "HOSTED_BY_THIRD_PARTY" -> DURATION[weighted(0, 0.30, 0.30, 0.20, 0.12, 0.03, 0.05)];
            case "UNKNOWN" -> "UNKNOWN";
            default -> DURATION[weighted(0, 0.08, 0.15, 0.30, 0.30, 0.12, 0.05)];   // shelters, institution
        };
        String referredBy = referralSource(entryHousing);
        String healthCover = HEALTH_COVER[weighted(HEALTH_COVER_AT_ENTRY)];
        List<String> rights = new ArrayList<>();
        if (random.nextDouble() < 0.72) {
            rights.add("IDENTITY_DOCUMENT");
        }
        if (random.nextDouble() < 0.12) {
            rights.add("RESIDENCE_PERMIT");
        }
        if (random.nextDouble() < 0.55) {
            rights.add("BANK_ACCOUNT");
        }
        if (random.nextDouble() < 0.42) {
            rights.add("RSA");
        }
        if (random.nextDouble() < 0.06) {
            rights.add("AAH");
        }
        switch (healthCover) {
            case "CSS" -> rights.addAll(List.of("HEALTH_INSURANCE", "CSS"));
            case "AME" -> rights.add("AME");
            case "BASIC_ONLY", "BASIC_AND_COMPLEMENTARY" -> rights.add("HEALTH_INSURANCE");
            default -> {
            }
        }
        if ((entryHousing.equals("DURABLE_HOUSING") || entryHousing.equals("SOCIAL_RESIDENCE")) && random.nextDouble() < 0.6) {
            rights.add("HOUSING_BENEFIT");
        }
        rightsHeld.addAll(rights);
        String withoutWork = DURATION[weighted(0, 0.05, 0.08, 0.18, 0.30, 0.30, 0.09)];
        LocalDate on = start.plusDays(random.nextInt(21));
        on = on.isAfter(horizon) ? horizon : on;
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("housing", entryHousing);
        profile.put("withoutHousing", withoutHousing);
        profile.put("referredBy", referredBy);
        profile.put("healthCover", healthCover);
        profile.put("rightsAtEntry", List.copyOf(rights));
        profile.put("withoutWork", withoutWork);
        add(on, ENTRY_PROFILE, profile, horizon);
        // a few profiles are corrected later: the health cover was not known at entry, a document came in
        if (healthCover.equals("UNKNOWN") && random.nextDouble() < 0.35) {
            LocalDate corrected = on.plusDays(15 + random.nextInt(60));
            Map<String, Object> fixed = new LinkedHashMap<>(profile);
            fixed.put("healthCover", pick("NONE", "BASIC_ONLY", "CSS", "AME"));
            fixed.put("correctionReason", pick("DOCUMENT_RECEIVED", "LATE_INFORMATION"));
            add(corrected, ENTRY_PROFILE, fixed, horizon);
            on = corrected;   // housing moves come after it: a profile restates the housing at entry
        }
        return on;
    }

    private String referralSource(String housing) {
        if (random.nextDouble() < 0.05) {
            return "PRISON_RELEASE";   // from any situation: the SPIP prepares the release
        }
        String[] sources;
        double[] weights;
        switch (housing) {
            case "STREET", "MAKESHIFT" -> {
                sources = new String[] {"STREET_OUTREACH", "DAY_CENTRE", "SIAO", "HEALTH_SERVICE", "SELF", "OTHER"};
                weights = new double[] {0.45, 0.25, 0.10, 0.08, 0.08, 0.04};
            }
            case "EMERGENCY_SHELTER", "SOCIAL_HOTEL", "INSERTION_SHELTER" -> {
                sources = new String[] {"SHELTER", "SIAO", "DAY_CENTRE", "SOCIAL_SERVICES", "OTHER_IAE", "EMPLOYMENT_SERVICE"};
                weights = new double[] {0.38, 0.28, 0.12, 0.10, 0.06, 0.06};
            }
            case "INSTITUTION" -> {
                sources = new String[] {"PRISON_RELEASE", "HEALTH_SERVICE", "SOCIAL_SERVICES"};
                weights = new double[] {0.55, 0.35, 0.10};
            }
            default -> {   // hosted, social residence, own home, unknown
                sources = new String[] {"SOCIAL_SERVICES", "DAY_CENTRE", "EMPLOYMENT_SERVICE", "OTHER_IAE", "SIAO", "SELF",
                        "OTHER"};
                weights = new double[] {0.25, 0.18, 0.17, 0.14, 0.10, 0.10, 0.06};
            }
        }
        return sources[weighted(weights)];
    }

    /** Rights a person may open during the pathway: those not held at entry (health cover first). */
    private List<String> missingRights() {
        List<String> missing = new ArrayList<>();
        if (!rightsHeld.contains("HEALTH_INSURANCE") && !rightsHeld.contains("AME")) {
            missing.addAll(List.of("CSS", "HEALTH_INSURANCE", "AME"));
        }
        for (String right : List.of("IDENTITY_DOCUMENT", "BANK_ACCOUNT", "RSA", "ACTIVITY_BONUS", "HOUSING_BENEFIT", "AAH")) {
            if (!rightsHeld.contains(right)) {
                missing.add(right);
            }
        }
        return missing;
    }

    /** How far up the ladder street → shelter → CHRS → social residence → durable housing a situation is. */
    static int level(String housing) {
        return switch (housing) {
            case "STREET", "MAKESHIFT" -> 0;
            case "INSERTION_SHELTER" -> 2;
            case "SOCIAL_RESIDENCE" -> 3;
            case "DURABLE_HOUSING" -> 4;
            default -> 1;   // emergency shelter, social hotel, hosted, institution, unknown
        };
    }

    /**
     * Moves along the pathway, each after months of waiting (a shelter place comes sooner than a flat); a few go
     * back to the street. A move into a housing solution (a shelter from the street, a social residence, a flat) is
     * also recorded as that solution secured by pathway-service itself, from the same call.
     */
    private void housingTrajectory(LocalDate profiled, LocalDate horizon) {
        LocalDate on = profiled;
        for (int move = 0; move < 4; move++) {
            int level = level(housingNow);
            on = on.plusDays(level == 0 ? 30 + random.nextInt(150) : 120 + random.nextInt(300));
            if (on.isAfter(horizon) || level == 4 || random.nextDouble() > 0.75) {
                break;
            }
            String next;
            if (level > 0 && level < 3 && random.nextDouble() < 0.07) {
                next = pick("STREET", "HOSTED_BY_THIRD_PARTY");   // a setback: evicted, left the shelter
            } else {
                next = switch (level) {
                    case 0 -> new String[] {"EMERGENCY_SHELTER", "SOCIAL_HOTEL", "INSERTION_SHELTER"}[weighted(0.6, 0.15, 0.25)];
                    case 1 -> new String[] {"INSERTION_SHELTER", "SOCIAL_RESIDENCE", "DURABLE_HOUSING"}[weighted(0.5, 0.35, 0.15)];
                    case 2 -> random.nextDouble() < 0.55 ? "SOCIAL_RESIDENCE" : "DURABLE_HOUSING";
                    default -> "DURABLE_HOUSING";
                };
            }
            if (next.equals(housingNow)) {
                continue;
            }
            if (level(next) >= 3 && random.nextDouble() < 0.5) {
                accompaniment(on.minusDays(7 + random.nextInt(30)), "VISIT_HOUSING", horizon);
            }
            add(on, HOUSING_SITUATION, Map.of("situation", next), horizon);
            housingNow = next;
        }
    }

    /**
     * The logged part of the accompaniment: the welcome phase's interviews (about twice a month in the first month)
     * and up to two case conferences with the social worker (see the class comment for what is left out).
     */
    private void accompanimentLog(LocalDate horizon) {
        LocalDate on = start.plusDays(random.nextInt(6));
        accompaniment(on, "INTERVIEW", horizon, "HOURS_1_TO_2");
        accompaniment(on.plusDays(12 + random.nextInt(8)), "INTERVIEW", horizon);   // about two weeks later
        LocalDate conference = start.plusMonths(3 + random.nextInt(3));
        for (int i = 0; i < 2 && !conference.isAfter(horizon); i++) {
            if (random.nextDouble() < 0.7) {
                accompaniment(conference, "CASE_CONFERENCE", horizon);
            }
            conference = conference.plusMonths(6 + random.nextInt(4));
        }
    }

    private void accompaniment(LocalDate on, String kind, LocalDate horizon) {
        accompaniment(on, kind, horizon, null);
    }

    private void accompaniment(LocalDate on, String kind, LocalDate horizon, String length) {
        Map<String, Object> body = accompanimentBody(kind, length);
        if (horizon == null) {   // during follow-up
            after.add(new Step(on, ACCOMPANIMENTS, body(on, body)));
        } else {
            add(on, ACCOMPANIMENTS, body, horizon);
        }
    }

    private Map<String, Object> accompanimentBody(String kind, String length) {
        List<String> who = new ArrayList<>();
        String usual;
        switch (kind) {
            case "CASE_CONFERENCE" -> {
                who.addAll(List.of("CIP", "SOCIAL_WORKER"));
                if (random.nextDouble() < 0.6) {
                    who.add(0, "PARTICIPANT");
                }
                if (random.nextDouble() < 0.4) {
                    who.add("ENCADRANT");
                }
                if (random.nextDouble() < 0.2) {
                    who.add("PARTNER_OFFICER");
                }
                usual = random.nextDouble() < 0.7 ? "HOURS_1_TO_2" : "MINUTES_30_TO_60";
            }
            case "VISIT_MEDICAL" -> {
                who.addAll(List.of("PARTICIPANT", "CIP", "HEALTH_PROFESSIONAL"));
                usual = pick("HOURS_1_TO_2", "HALF_DAY", "HALF_DAY");
            }
            case "VISIT_HOUSING" -> {
                who.addAll(List.of("PARTICIPANT", "CIP", "HOUSING_WORKER"));
                usual = pick("HOURS_1_TO_2", "HALF_DAY");
            }
            case "VISIT_JUSTICE" -> {
                who.addAll(List.of("PARTICIPANT", "CIP", "JUSTICE_WORKER"));
                usual = pick("HALF_DAY", "HALF_DAY", "FULL_DAY");
            }
            case "VISIT_ADMINISTRATIVE" -> {
                who.addAll(List.of("PARTICIPANT", "CIP"));
                usual = pick("HOURS_1_TO_2", "HALF_DAY");
            }
            default -> {   // interview
                who.addAll(List.of("PARTICIPANT", "CIP"));
                if (random.nextDouble() < 0.15) {
                    who.add("ENCADRANT");
                }
                usual = random.nextDouble() < 0.7 ? "MINUTES_30_TO_60" : pick("UNDER_30_MINUTES", "HOURS_1_TO_2");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("length", length == null ? usual : length);
        body.put("participants", List.copyOf(who));
        return body;
    }

    /**
     * Hours actually worked, for every month from the hiring to the exit (or to last month, the current one not
     * being over): the weekly hours in force that month × 4.33, a first and last month in proportion to the days
     * under contract, and the absences of real life (a few months much lower).
     */
    private void monthlyHours(LocalDate horizon) {
        YearMonth last = YearMonth.from(horizon).minusMonths(exit == null ? 1 : 0);
        for (YearMonth m = YearMonth.from(start); !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate from = m.atDay(1).isBefore(start) ? start : m.atDay(1);
            LocalDate to = m.atEndOfMonth().isAfter(horizon) ? horizon : m.atEndOfMonth();
            double share = (ChronoUnit.DAYS.between(from, to) + 1) / (double) m.lengthOfMonth();
            double weekly = weeklyOn(from.plusDays(ChronoUnit.DAYS.between(from, to) / 2));
            double presence = random.nextDouble() < 0.06 ? 0.1 + 0.4 * random.nextDouble()   // sick leave, a crisis
                    : 0.75 + 0.25 * random.nextDouble();
            double worked = Math.round(weekly * 4.33 * share * presence * 10) / 10.0;
            hoursByMonth.put(m, worked);
        }
    }

    private double weeklyOn(LocalDate day) {
        double weekly = weeklyHours;
        for (Map.Entry<LocalDate, Double> change : weeklyFrom.entrySet()) {
            if (!change.getKey().isAfter(day)) {
                weekly = change.getValue();
            }
        }
        return weekly;
    }

    /**
     * A few dates entered wrongly and corrected later by a compensating correction (never rewritten): a right
     * opened or a care access dated on the day the CIP heard of it, the notification giving the real, earlier date.
     */
    private void corrections(LocalDate horizon) {
        if (random.nextDouble() >= 0.06) {
            return;
        }
        for (Step step : during) {
            String type = step.path().equals("/rights") ? "RightsOpened"
                    : step.path().equals("/health-care") ? "HealthCareAccessed" : null;
            if (type == null) {
                continue;
            }
            LocalDate right = step.date().minusDays(3 + random.nextInt(25));
            if (right.isBefore(start)) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("correctedType", type);
            body.put("wrongDate", step.date().toString());
            body.put("rightDate", right.toString());
            body.put("reason", pick("DOCUMENT_RECEIVED", "DATA_ENTRY_ERROR", "LATE_INFORMATION"));
            steps.add(new Step(step.date(), DATE_CORRECTION, body));
            return;
        }
    }

    /**
     * The exit, with the housing it leads to; then, for most non-withdrawn exits, the follow-up: contacts at about
     * 1, 3, 6 and 12 months once each is due (some people are not reached), a move or an accompanied step now and
     * then, and the end of the follow-up at 12 months.
     */
    private void exitAndFollowUp() {
        exitCategory = weighted(EXIT_WEIGHTS);
        String reason = EXITS[exitCategory][random.nextInt(EXITS[exitCategory].length)];
        String housingAtExit = reason.equals("NO_NEWS") ? "UNKNOWN" : housingNow;
        steps.add(new Step(exit, "/exit", body(exit, Map.of("reason", reason, "housingAtExit", housingAtExit))));
        if (exitCategory == WITHDRAWN || random.nextDouble() >= (exitCategory < 3 ? 0.85 : 0.6)) {
            return;
        }
        LocalDate followUp = exit.plusDays(random.nextInt(20));
        if (followUp.isAfter(today)) {
            return;
        }
        after.add(new Step(followUp, "/follow-up/start", body(followUp, Map.of())));
        LocalDate windowEnd = exit.plusMonths(RULES.followUpMaxMonths());
        // now and then during follow-up: a move, an accompanied step
        String housing = housingAtExit.equals("UNKNOWN") ? housingNow : housingAtExit;
        if (random.nextDouble() < 0.12) {
            LocalDate moved = followUp.plusDays(20 + random.nextInt(250));
            String to = level(housing) < 3 ? "SOCIAL_RESIDENCE" : "DURABLE_HOUSING";
            if (!moved.isAfter(today) && !moved.isAfter(windowEnd) && !to.equals(housing)) {
                after.add(new Step(moved, HOUSING_SITUATION, body(moved, Map.of("situation", to))));
                housing = to;
            }
        }
        if (random.nextDouble() < 0.15) {
            LocalDate on = followUp.plusDays(10 + random.nextInt(200));
            if (!on.isAfter(today) && !on.isAfter(windowEnd)) {
                accompaniment(on, pick("INTERVIEW", "VISIT_ADMINISTRATIVE", "VISIT_HOUSING"), null);
            }
        }
        String employment = null;
        LocalDate lastContact = followUp;
        for (int months : RULES.followUpContactMonths()) {
            LocalDate due = exit.plusMonths(months);
            if (due.isAfter(today)) {
                break;   // not due yet: a recent exit has no 6-month contact
            }
            // the last contact falls before the window closes; the others around their date
            LocalDate on = months == RULES.lastContactMonths() ? due.minusDays(random.nextInt(15))
                    : due.plusDays(random.nextInt(22) - 7);
            on = on.isAfter(today) ? today : on;
            if (!on.isAfter(lastContact)) {
                on = lastContact.plusDays(1);
            }
            if (on.isAfter(windowEnd) || on.isAfter(today)) {
                break;
            }
            Map<String, Object> contact = new LinkedHashMap<>();
            double notReached = 0.08 + 0.07 * months / 3.0 + (reason.equals("NO_NEWS") ? 0.3 : 0);
            String found = housingAt(on, housing);
            if (random.nextDouble() < notReached) {
                contact.put("employment", "NOT_REACHED");
                contact.put("housing", "UNKNOWN");
            } else {
                employment = employment != null && random.nextDouble() < 0.75 ? employment : employmentAfter(exitCategory);
                contact.put("employment", employment);
                contact.put("housing", found);
                if (random.nextDouble() < 0.08) {
                    contact.put("newDifficulty", pick("HEALTH", "HOUSING", "DEBT_FINANCE", "ADDICTION", "JUSTICE",
                            "FAMILY_CHILDCARE"));
                }
            }
            after.add(new Step(on, FOLLOW_UP_CONTACTS, body(on, contact)));
            lastContact = on;
        }
        if (!windowEnd.isAfter(today)) {
            LocalDate end = lastContact.isAfter(windowEnd.minusDays(10)) ? lastContact : windowEnd.minusDays(random.nextInt(10));
            after.add(new Step(end, "/follow-up/end", body(end, Map.of())));
        }
        after.sort(Comparator.comparing(Step::date));
        steps.addAll(after);
    }

    /** The housing situation known on a day of the follow-up: the last move recorded before it. */
    private String housingAt(LocalDate on, String fallback) {
        String found = housingNow.equals("UNKNOWN") ? fallback : housingNow;
        for (Step step : after) {
            if (step.path().equals(HOUSING_SITUATION) && !step.date().isAfter(on)) {
                found = (String) step.body().get("situation");
            }
        }
        return found;
    }

    /** The work situation found after an exit of this category. */
    private String employmentAfter(int category) {
        return switch (category) {
            case 0 -> random.nextDouble() < 0.82 ? pick("CDI", "CDI", "CDD_6_MONTHS_OR_MORE", "SELF_EMPLOYED")
                    : pick("CDD_UNDER_6_MONTHS", "TEMPORARY_WORK", "JOB_SEEKING");
            case 1 -> random.nextDouble() < 0.6 ? pick("CDD_UNDER_6_MONTHS", "TEMPORARY_WORK", "CDD_6_MONTHS_OR_MORE", "CDI")
                    : pick("JOB_SEEKING", "JOB_SEEKING", "TRAINING");
            case 2 -> random.nextDouble() < 0.55 ? pick("TRAINING", "OTHER_IAE")
                    : pick("CDD_UNDER_6_MONTHS", "TEMPORARY_WORK", "JOB_SEEKING", "INACTIVE");
            default -> random.nextDouble() < 0.2 ? pick("TEMPORARY_WORK", "CDD_UNDER_6_MONTHS", "OTHER_IAE")
                    : pick("JOB_SEEKING", "JOB_SEEKING", "INACTIVE", "TRAINING");
        };
    }

    private void add(LocalDate date, String path, Map<String, Object> fields, LocalDate horizon) {
        if (date.isBefore(start) || date.isAfter(horizon) || date.isAfter(today)) {
            return;
        }
        during.add(new Step(date, path, fields.containsKey("effectiveDate") || fields.containsKey("decisionDate")
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

    private int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r <= 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; ; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
    }
}
