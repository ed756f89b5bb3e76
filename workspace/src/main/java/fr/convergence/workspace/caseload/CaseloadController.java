package fr.convergence.workspace.caseload;

import fr.convergence.workspace.rules.Alert;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.web.FrenchDates;
import fr.convergence.workspace.web.Labels;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** "Mes salarié·es": the CIP's home. Alerts first, then the caseload table, filtered, sorted and paged here. */
@Controller
class CaseloadController {

    /** One alert of the "À traiter" list: whose, and what. */
    record AlertLine(String participantId, String name, Alert alert) {
    }

    private final Caseload caseload;

    CaseloadController(Caseload caseload) {
        this.caseload = caseload;
    }

    @GetMapping("/espace/salaries")
    String caseload(StaffMember me, Model model,
                    @RequestParam(required = false) String programme,
                    @RequestParam(name = "statut", required = false) String status,
                    @RequestParam(required = false) String referent,
                    @RequestParam(required = false) String q,
                    @RequestParam(name = "tri", required = false) String sort,
                    @RequestParam(name = "ordre", required = false) String order,
                    @RequestParam(defaultValue = "1") String page) {
        if (!me.is(StaffRole.CIP) || me.aciId() == null) {
            throw new AccessDeniedException("the caseload is the page of ACI staff");
        }
        CaseloadQuery query = new CaseloadQuery(programme, status, referent, q, sort, order, parsePage(page));
        java.time.LocalDate today = FrenchDates.today();
        List<CaseloadRow> all = caseload.of(me, today);
        List<CaseloadRow> matching = all.stream().filter(query::matches).sorted(query.comparator()).toList();
        int pages = Math.max(1, (matching.size() + CaseloadQuery.PAGE_SIZE - 1) / CaseloadQuery.PAGE_SIZE);
        int current = Math.min(query.page(), pages);
        List<CaseloadRow> shown = matching.subList((current - 1) * CaseloadQuery.PAGE_SIZE,
                Math.min(matching.size(), current * CaseloadQuery.PAGE_SIZE));
        List<AlertLine> alerts = all.stream()
                .flatMap(r -> r.alerts().stream().map(a -> new AlertLine(r.participantId(), r.name(), a)))
                .sorted(Comparator.comparing(l -> l.alert().due())).toList();
        model.addAttribute("query", query);
        model.addAttribute("today", today);
        model.addAttribute("rows", shown);
        model.addAttribute("total", matching.size());
        model.addAttribute("everyone", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("alerts", alerts);
        model.addAttribute("programmes", Labels.PROGRAMMES);
        model.addAttribute("statuses", Labels.PATHWAY_STATUSES);
        model.addAttribute("referents", all.stream().map(CaseloadRow::referentId).filter(Objects::nonNull)
                .distinct().sorted().toList());
        return "pages/caseload";
    }

    private static int parsePage(String page) {
        try {
            return Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
