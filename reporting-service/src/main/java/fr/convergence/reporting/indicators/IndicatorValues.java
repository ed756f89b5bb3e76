package fr.convergence.reporting.indicators;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The single-valued indicators of a report, in the order the exports list them: the "Indicateurs" table, the values
 * a frozen version compares with the previous one, and the indicators a funding target may name.
 */
public final class IndicatorValues {

    /** Indicators whose value is a share between 0 and 1 (a target for them is a share too). */
    public static final Set<Indicator> SHARES = Set.of(Indicator.DYNAMIC_EXIT_RATE, Indicator.SHARE_BEYOND_24,
            Indicator.FROM_STREET, Indicator.FROM_SHELTER, Indicator.EXITS_TO_DURABLE_HOUSING, Indicator.EXITS_TO_SHELTER,
            Indicator.EMPLOYED_6_MONTHS, Indicator.HOUSED_6_MONTHS, Indicator.EMPLOYED_12_MONTHS,
            Indicator.HOUSED_12_MONTHS, Indicator.EXITS_TO_EMPLOYMENT, Indicator.EXITS_TO_HOUSING_OR_SHELTER);

    private IndicatorValues() {
    }

    /** Indicator → value (null when the report has none: a rate of nothing, a figure frozen before it existed). */
    public static Map<Indicator, Number> of(Report r) {
        Report.Totals t = r.totals();
        Map<Indicator, Number> v = new LinkedHashMap<>();
        v.put(Indicator.ENTERED, t.entered());
        v.put(Indicator.EXITED, t.exited());
        v.put(Indicator.PRESENT, t.presentAtEnd());
        v.put(Indicator.DYNAMIC_EXIT_RATE, t.dynamicExitRate());
        v.put(Indicator.DURABLE_HOUSING, t.durableHousing());
        v.put(Indicator.HEALTH_CARE, t.healthCare());
        v.put(Indicator.RIGHTS_OPENED, t.rightsOpened());
        v.put(Indicator.TRAINING_STARTED, t.trainingStarted());
        v.put(Indicator.TRAINING_COMPLETED, t.trainingCompleted());
        v.put(Indicator.BARRIER_PEOPLE, t.barrierPeople());
        v.put(Indicator.BARRIER_INTERNAL, t.barrierInternal());
        v.put(Indicator.BARRIER_PARTNER, t.barrierPartner());
        v.put(Indicator.MEDIAN_LENGTH, t.medianMonthsInPathway());
        v.put(Indicator.SHARE_BEYOND_24, t.shareBeyond24Months());
        v.put(Indicator.PHC_TO_CVG, t.phcToCvg());
        v.put(Indicator.HOURS_WORKED, t.hoursWorked());
        v.put(Indicator.PEOPLE_SUPPORTED, t.peopleSupported());
        v.put(Indicator.PERSON_MONTHS, t.personMonths());
        v.put(Indicator.FROM_STREET, value(t.fromStreet()));
        v.put(Indicator.FROM_SHELTER, value(t.fromShelter()));
        v.put(Indicator.INTERVIEWS_PER_PERSON_MONTH, value(t.interviewsPerPersonMonth()));
        v.put(Indicator.VISITS_PER_PERSON_MONTH, value(t.accompaniedVisitsPerPersonMonth()));
        v.put(Indicator.CASE_CONFERENCES, t.caseConferences());
        v.put(Indicator.EXITS_TO_DURABLE_HOUSING, value(t.exitsToDurableHousing()));
        v.put(Indicator.EXITS_TO_SHELTER, value(t.exitsToShelter()));
        v.put(Indicator.EMPLOYED_6_MONTHS, t.followUp6() == null ? null : value(t.followUp6().employed()));
        v.put(Indicator.HOUSED_6_MONTHS, t.followUp6() == null ? null : value(t.followUp6().housed()));
        v.put(Indicator.EMPLOYED_12_MONTHS, t.followUp12() == null ? null : value(t.followUp12().employed()));
        v.put(Indicator.HOUSED_12_MONTHS, t.followUp12() == null ? null : value(t.followUp12().housed()));
        v.put(Indicator.EXTENSIONS, t.extensions());
        v.put(Indicator.IMMERSIONS, t.immersions());
        v.put(Indicator.IMMERSION_DAYS, t.immersionDays());
        v.put(Indicator.ACI_COUNT, r.aciCount());
        v.put(Indicator.EXITS_TO_EMPLOYMENT, value(t.exitsToEmployment()));
        v.put(Indicator.EXITS_TO_HOUSING_OR_SHELTER, value(t.exitsToHousingOrShelter()));
        return Collections.unmodifiableMap(v);
    }

    /** The single-valued indicator with this id, if any (breakdowns such as age bands are not). */
    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(Indicator.values()).filter(i -> i.id().equals(id)).filter(SINGLE::contains).findFirst();
    }

    /** Every indicator but the breakdowns (a value per code, shown as tables): {@link #of} gives each of these. */
    static final Set<Indicator> SINGLE = java.util.EnumSet.complementOf(java.util.EnumSet.of(
            Indicator.EXITS_BY_CATEGORY, Indicator.EXITS_BY_REASON, Indicator.BARRIERS_BY_DOMAIN,
            Indicator.PHC_CURRENT_HOURS, Indicator.PHC_HOURS_BY_MONTH_SINCE_ENTRY, Indicator.REFERRALS_BY_DOMAIN,
            Indicator.REFERRALS_BY_OUTCOME, Indicator.EXITS_BY_HOUSING, Indicator.BARRIERS_LIFTED_BY_DOMAIN,
            Indicator.AGE_BANDS));

    private static Double value(Report.Share share) {
        return share == null ? null : share.value();
    }
}
