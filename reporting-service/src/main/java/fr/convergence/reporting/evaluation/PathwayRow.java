package fr.convergence.reporting.evaluation;

import fr.convergence.reporting.projection.PathwayFacts;

import java.time.LocalDate;

/**
 * One pathway as the extract sees it: its folded facts, the person's age band, its pseudonyms and the day of the
 * extract (the length of a pathway still running is counted up to it).
 */
public record PathwayRow(PathwayFacts facts, String ageBand, String pathwayPseudonym, String personPseudonym,
                         LocalDate asOf) {
}
