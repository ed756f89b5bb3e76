package fr.convergence.reporting.indicators;

import java.util.List;

/**
 * What one pathway contributes to one (territory, ACI, programme, month) cell. Counts are 0/1 per pathway, so
 * that a cell's figure is the sum over the pathways it holds and a pathway's share can be replaced as a whole
 * (which is what makes the projection idempotent).
 *
 * @param phcTrajectory   weekly hours in force at the end of each month since a PHC entry (only in the entry cell)
 * @param currentPhcHours weekly hours now, for a pathway still in PHC (only in the entry cell)
 * @param movedIn         1 in the cell of the ACI a pathway moved to (PathwayTransferred), the month it moved
 * @param movedOut        1 in the cell of the ACI it left, that month: stocks per ACI stay right, entries stay put
 */
public record Contribution(int entered, int exited, int transitionIn, int transitionOut, String exitCategory,
                           String exitReason, Integer monthsInPathway, int durableHousing, int healthCare,
                           int rightsOpened, int trainingStarted, int trainingCompleted, int barrierPeople,
                           int barrierInternal, int barrierPartner, List<String> barrierDomains, double hoursWorked,
                           List<Double> phcTrajectory, Double currentPhcHours, int movedIn, int movedOut) {

    public Contribution {
        barrierDomains = barrierDomains == null ? List.of() : List.copyOf(barrierDomains);
        phcTrajectory = phcTrajectory == null ? List.of() : List.copyOf(phcTrajectory);
    }

    /** A contribution of a pathway that did not change ACI in that cell. */
    public Contribution(int entered, int exited, int transitionIn, int transitionOut, String exitCategory,
                        String exitReason, Integer monthsInPathway, int durableHousing, int healthCare,
                        int rightsOpened, int trainingStarted, int trainingCompleted, int barrierPeople,
                        int barrierInternal, int barrierPartner, List<String> barrierDomains, double hoursWorked,
                        List<Double> phcTrajectory, Double currentPhcHours) {
        this(entered, exited, transitionIn, transitionOut, exitCategory, exitReason, monthsInPathway, durableHousing,
                healthCare, rightsOpened, trainingStarted, trainingCompleted, barrierPeople, barrierInternal,
                barrierPartner, barrierDomains, hoursWorked, phcTrajectory, currentPhcHours, 0, 0);
    }

    /** What this cell adds to the number of people present: entries and moves in, minus exits and moves out. */
    public int presenceChange() {
        return entered + transitionIn + movedIn - exited - transitionOut - movedOut;
    }
}
