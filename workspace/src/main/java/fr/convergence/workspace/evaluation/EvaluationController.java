package fr.convergence.workspace.evaluation;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.web.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * The external evaluator's page (issue 19 item 5): what the pseudonymised extract holds and does not hold, and the
 * links that download it from reporting-service through the gateway. The files never pass through the workspace: the
 * browser fetches them with the person's own session, so reporting-service checks the role and logs each download.
 */
@Controller
class EvaluationController {

    /** One file the page offers: its French name, what it is, where reporting-service serves it. */
    record Download(String id, String label, String description, String href) {
    }

    static final List<Download> DOWNLOADS = List.of(
            new Download("extraction-csv", "Extraction au format CSV",
                    "Une ligne par parcours, séparateur point-virgule, encodage UTF-8.",
                    "/api/reporting/exports/evaluation.csv"),
            new Download("extraction-xlsx", "Extraction au format tableur (XLSX)",
                    "La même extraction, avec le dictionnaire des données dans une seconde feuille.",
                    "/api/reporting/exports/evaluation.xlsx"),
            new Download("dictionnaire", "Dictionnaire des données (CSV)",
                    "Chaque colonne de l'extraction : son nom, sa définition, ses valeurs possibles.",
                    "/api/reporting/exports/evaluation-dictionary.csv"));

    @GetMapping("/espace/evaluation")
    String page(StaffMember me, Model model) {
        Roles.require(me, StaffRole.EVALUATOR, StaffRole.NATIONAL_ANALYST);
        model.addAttribute("downloads", DOWNLOADS);
        return "pages/evaluation";
    }
}
