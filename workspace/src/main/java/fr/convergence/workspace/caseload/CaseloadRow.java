package fr.convergence.workspace.caseload;

import fr.convergence.workspace.rules.Alert;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of "Mes salarié·es": a person of the ACI, with their current pathway if hired.
 *
 * @param status pathway status, or NOT_HIRED for a person registered but not yet hired
 */
public record CaseloadRow(String participantId, String name, String sortName, String programme, Double weeklyHours,
                          Integer monthsInPathway, String referentId, String status, LocalDate plannedEnd,
                          List<Alert> alerts) {

    public boolean hired() {
        return !"NOT_HIRED".equals(status);
    }
}
