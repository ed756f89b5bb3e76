package fr.convergence.reporting.indicators;

import java.time.YearMonth;

/**
 * Which part of the facts a report covers. Null means "all": national scope has no territory, a territory
 * scope no ACI; a null period runs from the first to the last month that has data.
 */
public record Filter(String territory, String aciId, String programme, YearMonth from, YearMonth to) {

    public static Filter national() {
        return new Filter(null, null, null, null, null);
    }

    public boolean inScope(String factTerritory, String factAci, String factProgramme) {
        return (territory == null || territory.equals(factTerritory))
                && (aciId == null || aciId.equals(factAci))
                && (programme == null || factProgramme == null || programme.equals(factProgramme));
    }

    public String level() {
        return aciId != null ? "ACI" : territory != null ? "TERRITORY" : "NATIONAL";
    }
}
