package fr.convergence.workspace.web;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** What every page's header and side menu show: who is signed in, in French, and the menu of their role. */
@ControllerAdvice
class PageModel {

    /** One entry of the side menu. */
    public record MenuItem(String label, String href) {
    }

    /** The signed-in person as the header shows them. */
    public record Me(String name, String role, String territory, String aci, List<MenuItem> menu) {
    }

    private final Labels labels;

    PageModel(Labels labels) {
        this.labels = labels;
    }

    /** The path of the page, to mark its side-menu entry as the current page. */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("me")
    Me me() {
        return StaffMember.current().map(this::of).orElse(null);
    }

    /** The side menu of a role: its home first, then one entry per thing the role does. */
    static List<MenuItem> menu(StaffRole role) {
        if (role == null) {
            return List.of(new MenuItem("Accueil", "/espace/accueil"));
        }
        return switch (role) {
            case CIP -> List.of(new MenuItem("Mes salarié·es", "/espace/salaries"),
                    new MenuItem("Inscrire une personne", "/espace/salaries/nouveau"),
                    new MenuItem("Heures du mois", "/espace/heures"));
            case ENCADRANT -> List.of(new MenuItem("Heures du mois", "/espace/heures"));
            case PARTNERSHIP_OFFICER -> List.of(new MenuItem("Besoins à traiter", "/espace/besoins"),
                    new MenuItem("Annuaire des partenaires", "/espace/partenaires"));
            case COORDINATOR -> List.of(new MenuItem("Mon territoire", "/espace/territoire"),
                    new MenuItem("Besoins à traiter", "/espace/besoins"),
                    new MenuItem("Réseau de partenaires", "/espace/reseau"),
                    new MenuItem("Annuaire des partenaires", "/espace/partenaires"));
            case ADMIN -> List.of(new MenuItem("Administration", "/espace/administration"),
                    new MenuItem("Référentiel", "/espace/administration/referentiel"),
                    new MenuItem("Lettres mortes", "/espace/administration/lettres-mortes"),
                    new MenuItem("Reconstructions", "/espace/administration/reconstructions"));
            case AUDITOR -> List.of(new MenuItem("Rechercher une personne", "/espace/audit"));
            case EVALUATOR -> List.of(new MenuItem("Extraction pour l'évaluation", "/espace/evaluation"));
            case NATIONAL_ANALYST -> List.of(new MenuItem("Accueil", "/espace/accueil"),
                    new MenuItem("Extraction pour l'évaluation", "/espace/evaluation"));
            default -> List.of(new MenuItem("Accueil", "/espace/accueil"));
        };
    }

    Me of(StaffMember m) {
        String role = m.role() == null ? "Rôle inconnu" : m.role().label();
        List<MenuItem> menu = menu(m.role());
        return new Me(m.name() != null ? m.name() : m.userId(), role,
                m.territories().isEmpty() ? "National"
                        : String.join(", ", m.territories().stream().map(labels::territory).toList()),
                m.aciId() == null ? null : labels.aci(m.aciId()), menu);
    }
}
