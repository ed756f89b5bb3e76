package fr.convergence.reporting.projection;

/** A read-model cell: territory, ACI, programme and month, stored under the exact id {@code t|aci|prog|yyyy-MM}. */
public record Cell(String territory, String aciId, String programme, String month) {

    public String id() {
        return territory + "|" + aciId + "|" + programme + "|" + month;
    }
}
