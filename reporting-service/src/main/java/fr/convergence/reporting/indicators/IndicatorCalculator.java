package fr.convergence.reporting.indicators;

import fr.convergence.reporting.rules.ProgrammeLimits;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Computes a {@link Report} from projected facts. Pure: no I/O, so that every definition of {@link Indicator}
 * is checked by plain unit tests and is the same for the API, the exports and the dashboard.
 */
public final class IndicatorCalculator {


    private IndicatorCalculator() {
    }

    public static Report compute(Filter filter, List<PathwayFact> pathwayFacts, List<ReferralFact> referralFacts) {
        return compute(filter, pathwayFacts, referralFacts, Reference.NONE);
    }

    /** The report with names, the ACI count and age bands from the participant stream's reference data. */
    public static Report compute(Filter filter, List<PathwayFact> pathwayFacts, List<ReferralFact> referralFacts,
                                 Reference reference) {
        List<PathwayFact> scoped = pathwayFacts.stream()
                .filter(f -> filter.inScope(f.territory(), f.aciId(), f.programme())).toList();
        List<ReferralFact> referrals = referralFacts.stream()
                .filter(r -> filter.inScope(r.territory(), r.aciId(), null)).toList();
        Optional<YearMonth> first = Stream.concat(scoped.stream().map(PathwayFact::month),
                referrals.stream().map(ReferralFact::month)).map(YearMonth::parse).min(Comparator.naturalOrder());
        Optional<YearMonth> last = Stream.concat(scoped.stream().map(PathwayFact::month),
                referrals.stream().map(ReferralFact::month)).map(YearMonth::parse).max(Comparator.naturalOrder());
        YearMonth from = filter.from() != null ? filter.from() : first.orElse(null);
        YearMonth to = filter.to() != null ? filter.to() : last.orElse(null);

        Totals totals = totals(scoped, referrals, from, to, reference);
        List<Report.MonthRow> months = months(scoped, from, to, totals.activeByMonth);
        List<Report.BreakdownRow> breakdown = filter.aciId() != null ? List.of()
                : breakdown(scoped, from, to, filter.territory() == null, reference);
        List<Report.AgeBandRow> ageBands = Labels.AGE_BANDS.entrySet().stream().map(b -> new Report.AgeBandRow(
                b.getKey(), b.getValue(), totals.peopleByAgeBand.getOrDefault(b.getKey(), 0L))).toList();
        return new Report(filter.level(), filter.territory(), filter.aciId(), filter.programme(),
                from == null ? null : from.toString(), to == null ? null : to.toString(),
                totals.toReport(), months, breakdown, reference.territoryName(filter.territory()),
                reference.aciName(filter.aciId()),
                filter.aciId() != null ? null : reference.aciCount(filter.territory(), from, to), ageBands);
    }

    private static boolean inPeriod(String month, YearMonth from, YearMonth to) {
        if (from == null || to == null) {
            return false;
        }
        YearMonth m = YearMonth.parse(month);
        return !m.isBefore(from) && !m.isAfter(to);
    }

    /** Stock at the end of {@code month}: every flow since the beginning, not only those of the period. */
    static long presentAt(List<PathwayFact> facts, YearMonth month) {
        if (month == null) {
            return 0;
        }
        long stock = 0;
        for (PathwayFact f : facts) {
            if (!YearMonth.parse(f.month()).isAfter(month)) {
                Contribution c = f.contribution();
                stock += c.presenceChange();
            }
        }
        return stock;
    }

    private static Totals totals(List<PathwayFact> scoped, List<ReferralFact> referrals, YearMonth from, YearMonth to,
                                 Reference reference) {
        Totals t = new Totals();
        t.presentAtEnd = presentAt(scoped, to);
        caseload(t, scoped, from, to, reference);
        List<Integer> lengths = new ArrayList<>();
        Map<Integer, double[]> trajectory = new TreeMap<>();
        for (PathwayFact f : scoped) {
            Contribution c = f.contribution();
            if (c.currentPhcHours() != null) {
                t.phcCurrentHours.merge(hoursLabel(c.currentPhcHours()), 1L, Long::sum);
            }
            if (!inPeriod(f.month(), from, to)) {
                continue;
            }
            t.entered += c.entered();
            t.exited += c.exited();
            if (c.exited() > 0 && c.exitCategory() != null) {
                t.exitsByCategory.merge(c.exitCategory(), 1L, Long::sum);
                t.exitsByReason.merge(c.exitReason() == null ? "?" : c.exitReason(), 1L, Long::sum);
                if (c.monthsInPathway() != null) {
                    lengths.add(c.monthsInPathway());
                }
            }
            t.durableHousing += c.durableHousing();
            t.healthCare += c.healthCare();
            t.rightsOpened += c.rightsOpened();
            t.trainingStarted += c.trainingStarted();
            t.trainingCompleted += c.trainingCompleted();
            t.barrierPeople += c.barrierPeople();
            t.barrierInternal += c.barrierInternal();
            t.barrierPartner += c.barrierPartner();
            c.barrierDomains().forEach(d -> t.barriersByDomain.merge(d, 1L, Long::sum));
            if ("PHC".equals(f.programme())) {
                t.phcToCvg += c.transitionOut();
                for (int k = 0; k < c.phcTrajectory().size(); k++) {
                    double[] sumCount = trajectory.computeIfAbsent(k, x -> new double[2]);
                    sumCount[0] += c.phcTrajectory().get(k);
                    sumCount[1]++;
                }
            }
            t.hoursWorked += c.hoursWorked();
            support(t, c);
        }
        t.exitedWithLength = lengths.size();
        t.median = Stats.median(lengths);
        t.shareBeyond24 = Stats.ratio(lengths.stream().filter(m -> m > ProgrammeLimits.CURRENT.contractMaxMonths()).count(), lengths.size());
        trajectory.values().forEach(sc -> t.phcAverageHours.add(Stats.round2(sc[0] / sc[1])));
        for (ReferralFact r : referrals) {
            if (inPeriod(r.month(), from, to)) {
                t.referrals++;
                t.referralsByDomain.merge(r.domain() == null ? "?" : r.domain(), 1L, Long::sum);
                String outcome = r.status() + (r.outcome() == null || r.outcome().isBlank() ? "" : " / " + r.outcome());
                t.referralsByOutcome.merge(outcome, 1L, Long::sum);
            }
        }
        return t;
    }

    /**
     * People supported and person-months, pathway by pathway: a pathway is active in a month of the period when it
     * was present (in this scope) at the end of the month before, or started to count in it that month (entry,
     * programme transition in, move in). Its entry profile is taken from whichever of its cells carries it.
     */
    private static void caseload(Totals t, List<PathwayFact> scoped, YearMonth from, YearMonth to, Reference reference) {
        if (from == null || to == null) {
            return;
        }
        Map<String, List<PathwayFact>> byPathway = new LinkedHashMap<>();
        scoped.forEach(f -> byPathway.computeIfAbsent(f.pathwayId(), k -> new ArrayList<>()).add(f));
        byPathway.forEach((pathwayId, facts) -> {
            long presence = 0;
            Map<YearMonth, int[]> inPeriod = new TreeMap<>();
            String entryHousing = null;
            for (PathwayFact f : facts) {
                Contribution c = f.contribution();
                YearMonth m = YearMonth.parse(f.month());
                if (m.isBefore(from)) {
                    presence += c.presenceChange();
                } else if (!m.isAfter(to)) {
                    int[] changeAndStarts = inPeriod.computeIfAbsent(m, k -> new int[2]);
                    changeAndStarts[0] += c.presenceChange();
                    changeAndStarts[1] += c.entered() + c.transitionIn() + c.movedIn();
                }
                if (c.support().entryHousing() != null) {
                    entryHousing = c.support().entryHousing();
                }
            }
            long months = 0;
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                int[] changeAndStarts = inPeriod.getOrDefault(m, new int[2]);
                if (presence > 0 || changeAndStarts[1] > 0) {
                    months++;
                    t.activeByMonth.merge(m, 1L, Long::sum);
                }
                presence += changeAndStarts[0];
            }
            if (months > 0) {
                t.peopleSupported++;
                t.peopleByAgeBand.merge(reference.ageBand(pathwayId), 1L, Long::sum);
                t.personMonths += months;
                if (entryHousing != null) {
                    t.withProfile++;
                    t.fromStreet += Situations.STREET.contains(entryHousing) ? 1 : 0;
                    t.fromShelter += Situations.SHELTER.contains(entryHousing) ? 1 : 0;
                }
            }
        });
    }

    /** Issue 18's figures of one in-period share: accompaniment, housing at exit, follow-up, lifts, extensions. */
    private static void support(Totals t, Contribution c) {
        Contribution.Support s = c.support();
        t.interviews += s.interviews();
        t.accompaniedVisits += s.accompaniedVisits();
        t.caseConferences += s.caseConferences();
        s.barriersLifted().forEach(d -> t.barriersLifted.merge(d, 1L, Long::sum));
        t.extensions += s.extensions();
        t.immersions += s.immersions();
        t.immersionDays += s.immersionDays();
        if (c.exited() > 0) {
            String housing = s.housingAtExit() == null ? Situations.UNKNOWN : s.housingAtExit();
            t.exitsByHousing.merge(housing, 1L, Long::sum);
            if (c.exitCategory() != null && !ExitCategory.WITHDRAWN.name().equals(c.exitCategory())) {
                t.exitsNotWithdrawn++;
                t.exitsToEmployment += ExitCategory.EMPLOYMENT.stream()
                        .anyMatch(cat -> cat.name().equals(c.exitCategory())) ? 1 : 0;
            }
            if (!Situations.UNKNOWN.equals(housing)) {
                t.exitsWithHousing++;
                t.exitsToDurableHousing += Situations.DURABLE_HOUSING.contains(housing) ? 1 : 0;
                t.exitsToShelter += Situations.SHELTER.contains(housing) ? 1 : 0;
            }
            t.followUp6.add(s.followUp6());
            t.followUp12.add(s.followUp12());
        }
    }

    private static String hoursLabel(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    static Double dynamicExitRate(Map<String, Long> exitsByCategory) {
        long dynamic = ExitCategory.DYNAMIC.stream().mapToLong(c -> exitsByCategory.getOrDefault(c.name(), 0L)).sum();
        long all = exitsByCategory.values().stream().mapToLong(Long::longValue).sum();
        long withdrawn = exitsByCategory.getOrDefault(ExitCategory.WITHDRAWN.name(), 0L);
        return Stats.ratio(dynamic, all - withdrawn);
    }

    private static List<Report.MonthRow> months(List<PathwayFact> scoped, YearMonth from, YearMonth to,
                                                Map<YearMonth, Long> activeByMonth) {
        List<Report.MonthRow> rows = new ArrayList<>();
        if (from == null || to == null) {
            return rows;
        }
        Map<String, List<PathwayFact>> byMonth = new TreeMap<>();
        scoped.forEach(f -> byMonth.computeIfAbsent(f.month(), m -> new ArrayList<>()).add(f));
        long stock = presentAt(scoped, from.minusMonths(1));
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long entered = 0, exited = 0, dynamic = 0, counted = 0, interviews = 0, visits = 0, conferences = 0;
            double hours = 0;
            for (PathwayFact f : byMonth.getOrDefault(m.toString(), List.of())) {
                Contribution c = f.contribution();
                entered += c.entered();
                exited += c.exited();
                stock += c.presenceChange();
                if (c.exited() > 0 && c.exitCategory() != null && !ExitCategory.WITHDRAWN.name().equals(c.exitCategory())) {
                    counted++;
                    if (ExitCategory.DYNAMIC.stream().anyMatch(cat -> cat.name().equals(c.exitCategory()))) {
                        dynamic++;
                    }
                }
                hours += c.hoursWorked();
                interviews += c.support().interviews();
                visits += c.support().accompaniedVisits();
                conferences += c.support().caseConferences();
            }
            rows.add(new Report.MonthRow(m.toString(), entered, exited, stock, dynamic, counted, Stats.round2(hours),
                    activeByMonth.getOrDefault(m, 0L), interviews, visits, conferences));
        }
        return rows;
    }

    private static List<Report.BreakdownRow> breakdown(List<PathwayFact> scoped, YearMonth from, YearMonth to,
                                                       boolean byTerritory, Reference reference) {
        Function<PathwayFact, String> key = byTerritory ? PathwayFact::territory : PathwayFact::aciId;
        Map<String, List<PathwayFact>> groups = new TreeMap<>();
        scoped.forEach(f -> groups.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f));
        List<Report.BreakdownRow> rows = new ArrayList<>();
        groups.forEach((code, facts) -> {
            Totals t = totals(facts, List.of(), from, to, reference);
            Report.Totals r = t.toReport();
            rows.add(new Report.BreakdownRow(code, r.entered(), r.exited(), r.presentAtEnd(), r.dynamicExitRate(),
                    r.hoursWorked(), r.peopleSupported(),
                    byTerritory ? reference.territoryName(code) : reference.aciName(code),
                    byTerritory ? reference.aciCount(code, from, to) : null));
        });
        // read by people: in the order of the names they read
        rows.sort(Comparator.comparing(Report.BreakdownRow::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Report.BreakdownRow::code));
        return rows;
    }

    /** Mutable accumulator, private to the computation. */
    private static final class Totals {
        long entered, exited, presentAtEnd, durableHousing, healthCare, rightsOpened, trainingStarted,
                trainingCompleted, barrierPeople, barrierInternal, barrierPartner, exitedWithLength, phcToCvg,
                referrals;
        double hoursWorked;
        Double median, shareBeyond24;
        final Map<String, Long> exitsByCategory = new LinkedHashMap<>();
        final Map<String, Long> exitsByReason = new TreeMap<>();
        final Map<String, Long> barriersByDomain = new TreeMap<>();
        final Map<String, Long> phcCurrentHours = new TreeMap<>(Comparator.comparingDouble(Double::parseDouble));
        final List<Double> phcAverageHours = new ArrayList<>();
        final Map<String, Long> referralsByDomain = new TreeMap<>();
        final Map<String, Long> referralsByOutcome = new TreeMap<>();
        long peopleSupported, personMonths, withProfile, fromStreet, fromShelter, interviews, accompaniedVisits,
                caseConferences, exitsWithHousing, exitsToDurableHousing, exitsToShelter, extensions, immersions,
                exitsNotWithdrawn, exitsToEmployment;
        final Map<String, Long> peopleByAgeBand = new TreeMap<>();
        double immersionDays;
        final Map<String, Long> exitsByHousing = new TreeMap<>();
        final Map<String, Long> barriersLifted = new TreeMap<>();
        final FollowUpCount followUp6 = new FollowUpCount(6);
        final FollowUpCount followUp12 = new FollowUpCount(12);
        /** People whose pathway was active in each month of the period (the person-months, month by month). */
        final Map<YearMonth, Long> activeByMonth = new TreeMap<>();

        Totals() {
            for (ExitCategory c : ExitCategory.values()) {
                exitsByCategory.put(c.name(), 0L);
            }
        }

        Report.Totals toReport() {
            return new Report.Totals(entered, exited, presentAtEnd, new LinkedHashMap<>(exitsByCategory), exitsByReason,
                    dynamicExitRate(exitsByCategory), durableHousing, healthCare, rightsOpened, trainingStarted,
                    trainingCompleted, barrierPeople, barrierInternal, barrierPartner, barriersByDomain,
                    exitedWithLength, median, shareBeyond24, phcToCvg, phcCurrentHours, phcAverageHours, referrals,
                    referralsByDomain, referralsByOutcome, Stats.round2(hoursWorked), peopleSupported, personMonths,
                    Report.Share.of(fromStreet, withProfile), Report.Share.of(fromShelter, withProfile), interviews,
                    accompaniedVisits, caseConferences, Report.Share.of(interviews, personMonths),
                    Report.Share.of(accompaniedVisits, personMonths), exitsByHousing,
                    Report.Share.of(exitsToDurableHousing, exitsWithHousing),
                    Report.Share.of(exitsToShelter, exitsWithHousing), followUp6.toReport(), followUp12.toReport(),
                    barriersLifted, extensions, immersions, Stats.round2(immersionDays),
                    Report.Share.of(exitsToEmployment, exitsNotWithdrawn),
                    Report.Share.of(exitsToDurableHousing + exitsToShelter, exitsWithHousing));
        }
    }

    /** The cohort of exits of the period and what the contacts of one milestone found. */
    private static final class FollowUpCount {
        final int milestone;
        long exits, contacted, notReached, employed, housed;

        FollowUpCount(int milestone) {
            this.milestone = milestone;
        }

        void add(Contribution.Contact contact) {
            exits++;
            if (contact == null) {
                return;
            }
            contacted++;
            if (Situations.NOT_REACHED.equals(contact.employment())) {
                notReached++;
                return;
            }
            employed += Situations.EMPLOYED.contains(contact.employment()) ? 1 : 0;
            housed += Situations.DURABLE_HOUSING.contains(contact.housing()) ? 1 : 0;
        }

        Report.FollowUp toReport() {
            long reached = contacted - notReached;
            return new Report.FollowUp(milestone, exits, contacted, notReached, Report.Share.of(employed, reached),
                    Report.Share.of(housed, reached));
        }
    }
}
