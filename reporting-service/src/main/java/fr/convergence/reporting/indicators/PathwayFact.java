package fr.convergence.reporting.indicators;

/** One pathway's contribution to one cell, with the cell's coordinates (month is yyyy-MM). */
public record PathwayFact(String territory, String aciId, String programme, String month, String pathwayId,
                          Contribution contribution) {
}
