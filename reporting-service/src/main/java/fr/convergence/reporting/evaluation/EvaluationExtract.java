package fr.convergence.reporting.evaluation;

import fr.convergence.reporting.export.Table;
import fr.convergence.reporting.projection.PathwayFacts;
import fr.convergence.reporting.store.Generation;
import fr.convergence.reporting.store.ProjectionReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the evaluation extract (issue 19 item 5): one row per pathway of the active generation that matches the
 * filters, every value from {@link EvaluationColumns}, ids replaced by keyed pseudonyms.
 */
@Service
public class EvaluationExtract {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ProjectionReader reader;
    private final Pseudonyms pseudonyms;

    /**
     * The pseudonyms' key comes from REPORTING_EVALUATION_KEY (the deployment's secret store), or a development key
     * file for a local run; with neither the service does not start (a default key in the repository would let
     * anyone holding an extract link its pseudonyms back to pathway ids).
     */
    public EvaluationExtract(ProjectionReader reader, @Value("${reporting.evaluation.key:}") String key,
                             @Value("${reporting.evaluation.key-file:}") String keyFile) {
        this.reader = reader;
        this.pseudonyms = new Pseudonyms(fr.convergence.kit.secrets.ConfiguredKey.load("REPORTING_EVALUATION_KEY", key,
                keyFile.isBlank() ? null : java.nio.file.Path.of(keyFile), Pseudonyms.KEY_BYTES));
    }

    /**
     * @param territory null for every territory
     * @param programme PHC or CVG (at entry or now), null for both
     * @param from      pathways running at least one day from this month on (null: no bound)
     * @param to        … up to this month (null: no bound)
     */
    public List<List<Object>> rows(String territory, String programme, YearMonth from, YearMonth to) {
        Generation generation = reader.generation();
        Map<String, String> bands = reader.ageBandsByParticipant(generation, territory);
        LocalDate today = LocalDate.now(PARIS);
        List<List<Object>> rows = new ArrayList<>();
        for (PathwayFacts f : reader.pathways(generation, territory)) {
            if (!f.hired() || !matches(f, programme, from, to)) {
                continue;
            }
            PathwayRow row = new PathwayRow(f, f.participantId == null ? null : bands.get(f.participantId),
                    pseudonyms.pathway(f.pathwayId), pseudonyms.person(f.participantId), today);
            List<Object> values = new ArrayList<>();
            EvaluationColumns.ALL.forEach(c -> values.add(c.value().apply(row)));
            rows.add(values);
        }
        // the pseudonym order: the store's order could follow the platform's ids
        rows.sort(java.util.Comparator.comparing(r -> String.valueOf(r.get(0))));
        return rows;
    }

    private static boolean matches(PathwayFacts f, String programme, YearMonth from, YearMonth to) {
        if (programme != null && !programme.equals(f.entryProgramme) && !programme.equals(f.programme)) {
            return false;
        }
        if (to != null && f.entryDate.compareTo(to.atEndOfMonth().toString()) > 0) {
            return false;
        }
        return from == null || f.exitDate == null || f.exitDate.compareTo(from.atDay(1).toString()) >= 0;
    }

    public static List<String> headers() {
        return EvaluationColumns.ALL.stream().map(EvaluationColumn::name).toList();
    }

    /** The data dictionary, in French: variable, label, type, values, definition. */
    public static Table dictionary() {
        List<List<Object>> rows = new ArrayList<>();
        for (EvaluationColumn c : EvaluationColumns.ALL) {
            rows.add(new ArrayList<>(List.of(c.name(), c.label(), c.type(), c.values(), c.definition())));
        }
        return new Table("Dictionnaire", List.of("Variable", "Libellé", "Type", "Valeurs possibles", "Définition"), rows);
    }
}
