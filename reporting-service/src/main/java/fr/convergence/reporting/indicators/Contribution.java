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
 * @param support         the person's situation and accompaniment (issue 18); {@link Support#NONE} when nothing
 */
public record Contribution(int entered, int exited, int transitionIn, int transitionOut, String exitCategory,
                           String exitReason, Integer monthsInPathway, int durableHousing, int healthCare,
                           int rightsOpened, int trainingStarted, int trainingCompleted, int barrierPeople,
                           int barrierInternal, int barrierPartner, List<String> barrierDomains, double hoursWorked,
                           List<Double> phcTrajectory, Double currentPhcHours, int movedIn, int movedOut,
                           Support support) {

    /**
     * What issue 18 adds to a cell: the entry housing (in the cells where the pathway starts to count in the scope:
     * entry, programme transition in, move in), the acts of accompaniment of the month, housing at exit and follow-up
     * contacts (in the exit cell: the cohort is the exits), barriers lifted, extensions and immersions of the month.
     *
     * @param entryHousing housing situation at entry from the entry profile in force, null without a profile
     * @param followUp6    the contact recorded for the 6-month milestone, null if none (idem 12)
     */
    public record Support(String entryHousing, int interviews, int accompaniedVisits, int caseConferences,
                          String housingAtExit, Contact followUp6, Contact followUp12, List<String> barriersLifted,
                          int extensions, int immersions, double immersionDays) {

        public static final Support NONE = new Support(null, 0, 0, 0, null, null, null, List.of(), 0, 0, 0);

        public Support {
            barriersLifted = barriersLifted == null ? List.of() : List.copyOf(barriersLifted);
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /** A follow-up contact's findings: employment situation and housing situation (codes of the contract). */
    public record Contact(String employment, String housing) {
    }

    public Contribution(int entered, int exited, int transitionIn, int transitionOut, String exitCategory,
                        String exitReason, Integer monthsInPathway, int durableHousing, int healthCare,
                        int rightsOpened, int trainingStarted, int trainingCompleted, int barrierPeople,
                        int barrierInternal, int barrierPartner, List<String> barrierDomains, double hoursWorked,
                        List<Double> phcTrajectory, Double currentPhcHours, int movedIn, int movedOut) {
        this(entered, exited, transitionIn, transitionOut, exitCategory, exitReason, monthsInPathway, durableHousing,
                healthCare, rightsOpened, trainingStarted, trainingCompleted, barrierPeople, barrierInternal,
                barrierPartner, barrierDomains, hoursWorked, phcTrajectory, currentPhcHours, movedIn, movedOut,
                Support.NONE);
    }

    public Contribution {
        support = support == null ? Support.NONE : support;
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
