package fr.convergence.reporting.indicators;

import java.time.YearMonth;
import java.util.Map;

/**
 * The reference data a report reads besides the facts, all from the participant stream: territory and ACI names, the
 * ACI's programme dates (to count the ACI of a period), and each pathway's age band (joined by participant id).
 *
 * @param ageBands age band per pathway (the pathway ids as the cells hold them); absent: unknown
 */
public record Reference(Map<String, String> territoryNames, Map<String, Aci> acis, Map<String, String> ageBands) {

    public static final Reference NONE = new Reference(Map.of(), Map.of(), Map.of());

    public Reference {
        territoryNames = territoryNames == null ? Map.of() : Map.copyOf(territoryNames);
        acis = acis == null ? Map.of() : Map.copyOf(acis);
        ageBands = ageBands == null ? Map.of() : Map.copyOf(ageBands);
    }

    /**
     * @param joinedOn yyyy-MM-dd it joined the programme, null when it was in before the platform
     * @param leftOn   yyyy-MM-dd it left, null while it runs it
     */
    public record Aci(String aciId, String territory, String name, String joinedOn, String leftOn) {

        /** In the programme at least one day between the first day of {@code from} and the last of {@code to}. */
        public boolean activeIn(YearMonth from, YearMonth to) {
            boolean joinedInTime = joinedOn == null || to == null || joinedOn.compareTo(to.atEndOfMonth().toString()) <= 0;
            boolean stillThere = leftOn == null || (from == null ? false : leftOn.compareTo(from.atDay(1).toString()) >= 0);
            return joinedInTime && stillThere;
        }
    }

    /** The territory's name, or its code when the participant stream has not named it (yet). */
    public String territoryName(String code) {
        return code == null ? null : territoryNames.getOrDefault(code, code);
    }

    /** The ACI's name, or its id when the participant stream has not named it (yet). */
    public String aciName(String aciId) {
        Aci aci = aciId == null ? null : acis.get(aciId);
        return aciId == null ? null : aci != null && aci.name() != null ? aci.name() : aciId;
    }

    /** The pathway's age band code, {@link Labels#UNKNOWN} when the participant's registration is not known. */
    public String ageBand(String pathwayId) {
        String band = ageBands.get(pathwayId);
        return band == null ? Labels.UNKNOWN : band;
    }

    /** How many ACI of the territory (all territories when null) were in the programme during the period. */
    public long aciCount(String territory, YearMonth from, YearMonth to) {
        return acis.values().stream().filter(a -> territory == null || territory.equals(a.territory()))
                .filter(a -> a.activeIn(from, to)).count();
    }
}
