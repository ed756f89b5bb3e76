package fr.convergence.reporting.frozen;

import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.api.ReportQuery;

/**
 * National (no territory), one territory, or one ACI of a territory. Its key is part of a frozen report's id, built
 * with '~', a character neither territory codes nor ACI ids may contain, so an id reads back unambiguously.
 */
public record ReportScope(String territory, String aciId) {

    static final String SEPARATOR = "~";

    public static ReportScope of(String territory, String aciId) {
        boolean noTerritory = territory == null || territory.isBlank();
        boolean noAci = aciId == null || aciId.isBlank();
        if (noTerritory && !noAci) {
            throw ApiException.badRequest("territory", "an ACI report needs its territory");
        }
        if (noTerritory) {
            return new ReportScope(null, null);
        }
        String code = ReportQuery.territory(territory, "territory");
        // ReportQuery.parse checks the ACI id's shape and names the field in its 400.
        String aci = noAci ? null : ReportQuery.parse(code, aciId, null, null, null).aciId();
        return new ReportScope(code, aci);
    }

    public String level() {
        return aciId != null ? "ACI" : territory != null ? "TERRITORY" : "NATIONAL";
    }

    public String key() {
        return aciId != null ? territory + SEPARATOR + aciId : territory != null ? territory : "national";
    }
}
