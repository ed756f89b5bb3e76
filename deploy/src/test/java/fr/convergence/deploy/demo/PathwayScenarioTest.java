package fr.convergence.deploy.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo generator's plausibility, on the whole demo (1,670 people drawn exactly as the loader draws them) for a
 * few demo days: the programme's rules as pathway-service applies them (dates, windows, the housing situation
 * always changing), the issue-18 data (entry profile, accompaniment, housing, follow-up, corrections, every month
 * of hours) and its distributions, and the number of API calls the full load makes.
 */
class PathwayScenarioTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private static List<DemoSeed.Drawn> demo(String day) {
        return DemoSeed.all(LocalDate.parse(day));
    }

    private static List<PathwayScenario.Step> of(PathwayScenario s, String path) {
        return s.steps.stream().filter(step -> step.path().equals(path)).toList();
    }

    private static int indexOf(PathwayScenario s, String path) {
        for (int i = 0; i < s.steps.size(); i++) {
            if (s.steps.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theSamePersonGetsTheSameStoryEveryRun() {
        Random a = DemoDataLoader.seed("lyon", 42);
        Random b = DemoDataLoader.seed("lyon", 42);
        DemoDataLoader.identity(a, "cip", "aci");
        DemoDataLoader.identity(b, "cip", "aci");
        assertThat(new PathwayScenario(a, DAY).steps).isEqualTo(new PathwayScenario(b, DAY).steps);
        Random c = DemoDataLoader.seed("lyon", 43);
        DemoDataLoader.identity(c, "cip", "aci");
        assertThat(new PathwayScenario(c, DAY).steps).isNotEqualTo(new PathwayScenario(DemoDataLoader.seed("lyon", 42), DAY).steps);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07", "2026-09-20", "2027-03-01"})
    void noDateIsInTheFutureNorBeforeTheHiring(String day) {
        LocalDate today = LocalDate.parse(day);
        for (DemoSeed.Drawn d : demo(day)) {
            PathwayScenario s = d.scenario();
            for (PathwayScenario.Step step : s.steps) {
                assertThat(step.date()).as(d + " " + step).isBetween(s.start, today);
                for (String field : List.of("date", "effectiveDate", "decisionDate", "rightDate", "wrongDate")) {
                    if (step.body().get(field) instanceof String date) {
                        assertThat(LocalDate.parse(date)).as(d + " " + field + " of " + step).isBetween(s.start, today);
                    }
                }
            }
            for (YearMonth month : s.hoursByMonth.keySet()) {
                assertThat(month.isAfter(YearMonth.from(today))).as(d + " hours of " + month).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07", "2026-09-20", "2027-03-01"})
    void everyMonthWorkedHasItsHoursSentInSeriesBeforeTheExit(String day) {
        LocalDate today = LocalDate.parse(day);
        int withHours = 0;
        for (DemoSeed.Drawn d : demo(day)) {
            PathwayScenario s = d.scenario();
            YearMonth last = s.exit != null ? YearMonth.from(s.exit) : YearMonth.from(today).minusMonths(1);
            List<YearMonth> expected = new ArrayList<>();
            for (YearMonth m = YearMonth.from(s.start); !m.isAfter(last); m = m.plusMonths(1)) {
                expected.add(m);
            }
            List<YearMonth> sent = new ArrayList<>();
            int exitAt = indexOf(s, "/exit");
            for (int i = 0; i < s.steps.size(); i++) {
                PathwayScenario.Step step = s.steps.get(i);
                assertThat(step.path()).as("no single-month reports any more").isNotEqualTo("/monthly-hours");
                if (!step.path().equals(PathwayScenario.MONTHLY_HOURS_SERIES)) {
                    continue;
                }
                if (exitAt >= 0) {
                    assertThat(i).as(d + ": hours are reported while the pathway is active").isLessThan(exitAt);
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> months = (List<Map<String, Object>>) step.body().get("months");
                assertThat(months).hasSizeBetween(1, 60);
                for (Map<String, Object> m : months) {
                    sent.add(YearMonth.parse((String) m.get("month")));
                    assertThat((Double) m.get("hours")).isBetween(0.0, 152.0);
                }
            }
            assertThat(sent).as(d + ": every month from the hiring to the exit (or last month), once").isEqualTo(expected);
            if (!sent.isEmpty()) {
                withHours++;
            }
        }
        assertThat(withHours).as("pathways with hours").isGreaterThan(1500);
    }

    @Test
    void monthlyHoursFollowTheWeeklyHoursWithoutAJumpInTheLastMonths() {
        // the figure that jumped ×4.6: the demo's total hours per month, month by month
        Map<YearMonth, Double> total = new HashMap<>();
        for (DemoSeed.Drawn d : demo(DAY.toString())) {
            d.scenario().hoursByMonth.forEach((m, h) -> total.merge(m, h, Double::sum));
        }
        YearMonth last = YearMonth.from(DAY).minusMonths(1);
        for (int back = 0; back < 12; back++) {
            YearMonth m = last.minusMonths(back);
            double ratio = total.get(m) / total.get(m.minusMonths(1));
            assertThat(ratio).as("hours of " + m + " against the month before").isBetween(0.8, 1.25);
        }
        // a PHC person's hours follow the ramp-up: never above the weekly hours in force × 4.33
        for (DemoSeed.Drawn d : demo(DAY.toString())) {
            d.scenario().hoursByMonth.values().forEach(h -> assertThat(h).isLessThanOrEqualTo(26 * 4.33 + 0.1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07", "2026-09-20", "2027-03-01"})
    void followUpContactsComeOnlyAfterAnExitWithinTwelveMonthsOnceDue(String day) {
        LocalDate today = LocalDate.parse(day);
        int contacts = 0;
        for (DemoSeed.Drawn d : demo(day)) {
            PathwayScenario s = d.scenario();
            List<PathwayScenario.Step> found = of(s, PathwayScenario.FOLLOW_UP_CONTACTS);
            if (s.exit == null) {
                assertThat(found).as(d + ": no exit, no contact").isEmpty();
                assertThat(indexOf(s, "/follow-up/start")).isNegative();
                continue;
            }
            int exitAt = indexOf(s, "/exit");
            int startAt = indexOf(s, "/follow-up/start");
            Set<Integer> milestones = new HashSet<>();
            for (PathwayScenario.Step contact : found) {
                contacts++;
                assertThat(s.steps.indexOf(contact)).as(d + ": after the exit and the follow-up's start")
                        .isGreaterThan(exitAt).isGreaterThan(startAt);
                assertThat(contact.date()).isAfter(s.exit).isBeforeOrEqualTo(s.exit.plusMonths(12));
                int milestone = nearestMilestone(s.exit, contact.date());
                assertThat(milestones.add(milestone)).as(d + ": one contact per milestone").isTrue();
                assertThat(s.exit.plusMonths(milestone)).as(d + ": a contact is made once it is due")
                        .isBeforeOrEqualTo(today);
                if (contact.body().get("employment").equals("NOT_REACHED")) {
                    assertThat(contact.body().get("housing")).isEqualTo("UNKNOWN");
                }
            }
            // everything after the exit happens within the follow-up window, and nothing after its end
            int endAt = indexOf(s, "/follow-up/end");
            for (int i = exitAt + 1; i < s.steps.size(); i++) {
                PathwayScenario.Step step = s.steps.get(i);
                assertThat(step.date()).as(d + " " + step).isBetween(s.exit, s.exit.plusMonths(12));
                if (endAt >= 0) {
                    assertThat(i).as(d + ": nothing after the follow-up's end").isLessThanOrEqualTo(endAt);
                }
            }
            if (s.exitCategory == PathwayScenario.WITHDRAWN) {
                assertThat(found).as(d + ": a withdrawn exit (death, transfer…) is not followed up").isEmpty();
            }
        }
        assertThat(contacts).isGreaterThan(1000);
    }

    @Test
    void aPersonWhoseExitIsRecentHasNoSixMonthContact() {
        int recent = 0;
        for (DemoSeed.Drawn d : demo(DAY.toString())) {
            PathwayScenario s = d.scenario();
            if (s.exit == null || !s.exit.plusMonths(6).isAfter(DAY)) {
                continue;
            }
            recent++;
            for (PathwayScenario.Step contact : of(s, PathwayScenario.FOLLOW_UP_CONTACTS)) {
                assertThat(nearestMilestone(s.exit, contact.date())).as(d + " left on " + s.exit).isLessThan(6);
            }
            if (s.exit.plusMonths(1).isAfter(DAY)) {   // left less than a month ago: not even the 1-month contact
                assertThat(of(s, PathwayScenario.FOLLOW_UP_CONTACTS)).as(d + " left on " + s.exit).isEmpty();
            }
        }
        assertThat(recent).as("people who left less than 6 months ago").isGreaterThan(50);
        // and some who left long enough ago have their 6- and 12-month contacts
        long withTwelve = demo(DAY.toString()).stream().map(DemoSeed.Drawn::scenario).filter(s -> s.exit != null)
                .filter(s -> of(s, PathwayScenario.FOLLOW_UP_CONTACTS).stream()
                        .anyMatch(c -> nearestMilestone(s.exit, c.date()) == 12)).count();
        assertThat(withTwelve).isGreaterThan(100);
    }

    /** pathway-service's FollowUpMilestone.nearest: the milestone whose due date is nearest the contact. */
    static int nearestMilestone(LocalDate exit, LocalDate on) {
        long days = ChronoUnit.DAYS.between(exit, on);
        int best = -1;
        long bestGap = Long.MAX_VALUE;
        for (int m : PathwayScenario.RULES.followUpContactMonths()) {
            long gap = Math.abs(ChronoUnit.DAYS.between(exit, exit.plusMonths(m)) - days);
            if (gap < bestGap) {
                best = m;
                bestGap = gap;
            }
        }
        return best;
    }

    /**
     * Replays each pathway's housing situation as pathway-service keeps it (the entry profile sets it, a change,
     * a housing secured, the exit and a follow-up contact move it): a change never repeats the current situation
     * (that is a 422), and the exit's housing is the last one known.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07", "2026-09-20", "2027-03-01"})
    void theHousingSituationAlwaysChangesAndEndsWhereTheExitSays(String day) {
        for (DemoSeed.Drawn d : demo(day)) {
            PathwayScenario s = d.scenario();
            String current = null;
            boolean profiled = false;
            String lastChange = null;
            for (PathwayScenario.Step step : s.steps) {
                Map<String, Object> b = step.body();
                switch (step.path()) {
                    case PathwayScenario.ENTRY_PROFILE -> {
                        if (!profiled) {
                            current = (String) b.get("housing");
                            assertThat(b).as(d + ": the first profile is no correction").doesNotContainKey("correctionReason");
                        } else {
                            assertThat(b).as(d + ": a later profile corrects the first").containsKey("correctionReason");
                            assertThat(lastChange).as(d + ": no move before a profile correction").isNull();
                        }
                        profiled = true;
                    }
                    case PathwayScenario.HOUSING_SITUATION -> {
                        assertThat(profiled).as(d + ": the profile comes first").isTrue();
                        assertThat(b.get("situation")).as(d + " " + step).isNotEqualTo(current);
                        current = (String) b.get("situation");
                        lastChange = current;
                    }
                    case "/housing" -> {
                        String as = switch ((String) b.get("kind")) {
                            case "SHELTER" -> "EMERGENCY_SHELTER";
                            default -> (String) b.get("kind");
                        };
                        assertThat(as).as(d + ": housing secured says where the person now is").isEqualTo(current);
                    }
                    case "/exit" -> {
                        if (!"UNKNOWN".equals(b.get("housingAtExit"))) {
                            assertThat(b.get("housingAtExit")).as(d + " housing at exit").isEqualTo(current);
                        }
                        current = (String) b.get("housingAtExit");
                    }
                    case PathwayScenario.FOLLOW_UP_CONTACTS -> current = (String) b.get("housing");
                    default -> {
                    }
                }
            }
            assertThat(profiled).as(d + ": every pathway has its entry profile").isTrue();
        }
    }

    @Test
    void entryProfilesLookLikeConvergencesPublic() {
        List<Map<String, Object>> profiles = demo(DAY.toString()).stream()
                .map(d -> of(d.scenario(), PathwayScenario.ENTRY_PROFILE).get(0).body()).toList();
        assertThat(profiles).hasSize(1670);
        assertThat(share(profiles, p -> PathwayScenario.STREET_GROUP.contains(p.get("housing")))).isBetween(0.25, 0.40);
        assertThat(share(profiles, p -> PathwayScenario.SHELTER_GROUP.contains(p.get("housing")))).isBetween(0.30, 0.45);
        assertThat(share(profiles, p -> p.get("housing").equals("HOSTED_BY_THIRD_PARTY"))).isBetween(0.10, 0.20);
        assertThat(share(profiles, p -> p.get("housing").equals("DURABLE_HOUSING"))).isLessThan(0.10);
        assertThat(share(profiles, p -> p.get("referredBy").equals("STREET_OUTREACH"))).isBetween(0.10, 0.25);
        assertThat(share(profiles, p -> p.get("referredBy").equals("PRISON_RELEASE"))).isBetween(0.03, 0.12);
        assertThat(share(profiles, p -> Set.of("SIAO", "SHELTER", "DAY_CENTRE").contains(p.get("referredBy")))).isBetween(0.25, 0.50);
        // health cover often missing, or CSS / AME
        assertThat(share(profiles, p -> Set.of("NONE", "CSS", "AME").contains(p.get("healthCover")))).isBetween(0.55, 0.75);
        // long times without housing and work
        assertThat(share(profiles.stream().filter(p -> PathwayScenario.STREET_GROUP.contains(p.get("housing"))).toList(),
                p -> Set.of("YEARS_2_TO_5", "OVER_5_YEARS").contains(p.get("withoutHousing")))).isBetween(0.45, 0.75);
        assertThat(share(profiles, p -> Set.of("YEARS_2_TO_5", "OVER_5_YEARS").contains(p.get("withoutWork")))).isBetween(0.50, 0.70);
        // coherent: no time without housing for someone housed, no CSS right without the CSS cover
        for (Map<String, Object> p : profiles) {
            if (p.get("housing").equals("DURABLE_HOUSING")) {
                assertThat(p.get("withoutHousing")).isEqualTo("NOT_APPLICABLE");
            }
            if (p.get("healthCover").equals("NONE")) {
                @SuppressWarnings("unchecked")
                List<String> rights = (List<String>) p.get("rightsAtEntry");
                assertThat(rights).doesNotContain("CSS", "AME", "HEALTH_INSURANCE");
            }
        }
    }

    @Test
    void theAccompanimentIsDenseEarlyWithCaseConferencesAndVisits() {
        int people = 0;
        int earlyInterviews = 0;
        Map<String, Integer> kinds = new HashMap<>();
        for (DemoSeed.Drawn d : demo(DAY.toString())) {
            PathwayScenario s = d.scenario();
            people++;
            for (PathwayScenario.Step a : of(s, PathwayScenario.ACCOMPANIMENTS)) {
                String kind = (String) a.body().get("kind");
                kinds.merge(kind, 1, Integer::sum);
                @SuppressWarnings("unchecked")
                List<String> who = (List<String>) a.body().get("participants");
                assertThat(who).as(d + " " + a).isNotEmpty().doesNotHaveDuplicates();
                if (kind.equals("CASE_CONFERENCE")) {
                    assertThat(who).contains("CIP", "SOCIAL_WORKER");
                } else {
                    assertThat(who).contains("PARTICIPANT", "CIP");
                }
                if (kind.equals("INTERVIEW") && a.date().isBefore(s.start.plusDays(31))) {
                    earlyInterviews++;
                }
                LocalDate until = s.exit == null ? DAY : s.exit.plusMonths(12);
                assertThat(a.date()).isBetween(s.start, until);
            }
        }
        assertThat((double) earlyInterviews / people).as("interviews in the first month, per person").isBetween(1.7, 2.1);
        assertThat(kinds.get("CASE_CONFERENCE")).isGreaterThan(people / 2);
        assertThat(kinds.keySet()).contains("VISIT_MEDICAL", "VISIT_ADMINISTRATIVE", "VISIT_HOUSING", "VISIT_JUSTICE");
    }

    @Test
    void housingImprovesForManyAndExitsGoToDurableHousingForAboutAThird() {
        List<PathwayScenario> exited = demo(DAY.toString()).stream().map(DemoSeed.Drawn::scenario)
                .filter(s -> s.exit != null && ChronoUnit.MONTHS.between(s.start, s.exit) >= 18).toList();
        double durable = exited.stream().filter(s -> s.housingNow.equals("DURABLE_HOUSING")).count() / (double) exited.size();
        assertThat(durable).as("long pathways ending in durable housing").isBetween(0.15, 0.50);
        List<PathwayScenario> fromStreet = demo(DAY.toString()).stream().map(DemoSeed.Drawn::scenario)
                .filter(s -> PathwayScenario.STREET_GROUP.contains(s.entryHousing)
                        && ChronoUnit.MONTHS.between(s.start, s.exit == null ? DAY : s.exit) >= 12).toList();
        double stillOnTheStreet = fromStreet.stream().filter(s -> PathwayScenario.STREET_GROUP.contains(s.housingNow)).count()
                / (double) fromStreet.size();
        assertThat(stillOnTheStreet).as("from the street and still there after a year or more").isBetween(0.05, 0.40);
    }

    @Test
    void someContactsFindNobodyAndEmploymentDependsOnTheExit() {
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> afterDurable = new ArrayList<>();
        List<Map<String, Object>> afterOther = new ArrayList<>();
        for (DemoSeed.Drawn d : demo(DAY.toString())) {
            PathwayScenario s = d.scenario();
            for (PathwayScenario.Step c : of(s, PathwayScenario.FOLLOW_UP_CONTACTS)) {
                all.add(c.body());
                (s.exitCategory == 0 ? afterDurable : s.exitCategory == 3 ? afterOther : new ArrayList<Map<String, Object>>()).add(c.body());
            }
        }
        assertThat(share(all, c -> c.get("employment").equals("NOT_REACHED"))).isBetween(0.10, 0.35);
        Predicate<Map<String, Object>> employed = c -> List.of(PathwayScenario.EMPLOYED).contains(c.get("employment"));
        assertThat(share(afterDurable, employed)).isGreaterThan(0.6);
        assertThat(share(afterOther, employed)).isLessThan(0.3);
    }

    @Test
    void aFewDatesAreCorrectedAndEachNamesAnEarlierStep() {
        int corrected = 0;
        for (DemoSeed.Drawn d : demo(DAY.toString())) {
            PathwayScenario s = d.scenario();
            for (int i = 0; i < s.steps.size(); i++) {
                PathwayScenario.Step step = s.steps.get(i);
                if (!step.path().equals(PathwayScenario.DATE_CORRECTION)) {
                    continue;
                }
                corrected++;
                String path = step.body().get("correctedType").equals("RightsOpened") ? "/rights" : "/health-care";
                List<PathwayScenario.Step> targets = s.steps.subList(0, i).stream()
                        .filter(t -> t.path().equals(path)).toList();
                assertThat(targets).as(d + ": the corrected event is unique in its pathway").hasSize(1);
                assertThat(targets.get(0).date().toString()).isEqualTo(step.body().get("wrongDate"));
                assertThat(LocalDate.parse((String) step.body().get("rightDate")))
                        .isBefore(targets.get(0).date()).isAfterOrEqualTo(s.start);
            }
        }
        assertThat(corrected).as("a few corrections").isBetween(30, 200);
    }

    /**
     * The full load's calls: per person the registration and the hiring, each step (a correction reads the events
     * first), and at most three per partner referral. The partner networks' own setup is not counted by the loader.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07", "2026-09-20", "2027-03-01"})
    void theFullLoadStaysUnderFortyThousandCalls(String day) {
        long calls = 0;
        long referrals = 0;
        for (DemoSeed.Drawn d : demo(day)) {
            PathwayScenario s = d.scenario();
            calls += 2 + s.steps.size() + of(s, PathwayScenario.DATE_CORRECTION).size();
            referrals += s.partnerBarriers.size();
        }
        // a referral takes 2.55 calls on average (measured on the previous generator's 28,700-call load)
        System.out.printf("demo of %s: %d calls to register, hire and run the scenarios, %d referrals: about %d calls "
                + "in all, at most %d%n", day, calls, referrals, calls + Math.round(2.55 * referrals), calls + 3 * referrals);
        assertThat(calls + 3 * referrals).isLessThan(40_000);
    }

    private static double share(List<Map<String, Object>> rows, Predicate<Map<String, Object>> test) {
        return rows.isEmpty() ? 0 : rows.stream().filter(test).count() / (double) rows.size();
    }
}
