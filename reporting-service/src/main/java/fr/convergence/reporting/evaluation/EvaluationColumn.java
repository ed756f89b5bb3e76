package fr.convergence.reporting.evaluation;

import java.util.function.Function;

/**
 * One variable of the evaluation extract and its entry in the data dictionary (French), defined together so that the
 * dictionary can never describe another column than the one written.
 *
 * @param type   "texte codé", "nombre", "0/1", "mois (AAAA-MM)" or "pseudonyme"
 * @param values the codes it may hold, or its unit
 */
public record EvaluationColumn(String name, String label, String type, String values, String definition,
                               Function<PathwayRow, Object> value) {
}
