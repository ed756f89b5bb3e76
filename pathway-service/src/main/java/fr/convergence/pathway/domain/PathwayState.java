package fr.convergence.pathway.domain;

import fr.convergence.pathway.domain.event.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pathway's state as the fold of its events. The aggregate decides with it, the read side shows it and the
 * audit replays it "as of" a date: one fold, so the three can never disagree.
 */
public final class PathwayState {

    /** An open barrier and how it is handled. */
    public record OpenBarrier(Intensity intensity, Handling handling, LocalDate since) {
    }

    private String pathwayId;
    private String participantId;
    private String territory;
    private String aciId;
    private Programme programme;
    private PathwayStatus status;
    private LocalDate startedOn;
    private LocalDate cvgSince;
    private LocalDate plannedEnd;
    private double weeklyHours;
    private boolean hoursDerogation;
    private int extensions;
    private LocalDate exitedOn;
    private String exitReason;
    private ExitCategory exitCategory;
    private LocalDate followUpStartedOn;
    private LocalDate followUpEndedOn;
    private LocalDate lastEventOn;
    private final Map<BarrierDomain, OpenBarrier> openBarriers = new EnumMap<>(BarrierDomain.class);
    private final Map<String, Boolean> openTrainings = new LinkedHashMap<>();
    private final Map<String, Double> monthlyHours = new TreeMap<>();
    private boolean durableHousing;
    private int rightsOpened;
    private int trainingsCompleted;
    private int healthCareAccesses;

    public PathwayState apply(PathwayEvent event) {
        lastEventOn = event.occurredOn();
        if (event instanceof ParticipantHired e) {
            pathwayId = e.pathwayId();
            participantId = e.participantId();
            territory = e.territory();
            aciId = e.aciId();
            programme = e.programme();
            status = PathwayStatus.ACTIVE;
            startedOn = e.occurredOn();
            cvgSince = e.programme() == Programme.CVG ? e.occurredOn() : null;
            plannedEnd = e.plannedEnd();
            weeklyHours = e.weeklyHours();
            hoursDerogation = e.hoursDerogation();
        } else if (event instanceof WeeklyHoursChanged e) {
            weeklyHours = e.toHours();
        } else if (event instanceof ProgrammeTransitioned e) {
            programme = e.to();
            cvgSince = e.occurredOn();
            plannedEnd = e.plannedEnd();
            weeklyHours = e.weeklyHours();
            hoursDerogation = e.hoursDerogation();
        } else if (event instanceof PathwayExtended e) {
            plannedEnd = e.newPlannedEnd();
            extensions++;
        } else if (event instanceof BarrierAssessed e) {
            OpenBarrier previous = openBarriers.get(e.domain());
            openBarriers.put(e.domain(), new OpenBarrier(e.intensity(), e.handling(),
                    previous == null ? e.occurredOn() : previous.since()));
        } else if (event instanceof BarrierLifted e) {
            openBarriers.remove(e.domain());
        } else if (event instanceof HousingSecured e) {
            durableHousing |= e.kind().durable();
        } else if (event instanceof HealthCareAccessed) {
            healthCareAccesses++;
        } else if (event instanceof RightsOpened) {
            rightsOpened++;
        } else if (event instanceof TrainingStarted e) {
            openTrainings.put(e.trainingId(), e.qualifying());
        } else if (event instanceof TrainingCompleted e) {
            openTrainings.remove(e.trainingId());
            trainingsCompleted++;
        } else if (event instanceof MonthlyHoursReported e) {
            monthlyHours.put(e.month(), e.hours());
        } else if (event instanceof ParticipantExited e) {
            status = PathwayStatus.EXITED;
            exitedOn = e.occurredOn();
            exitReason = e.reason();
            exitCategory = e.category();
        } else if (event instanceof PathwayTransferred e) {
            aciId = e.toAciId();
        } else if (event instanceof FollowUpStarted e) {
            status = PathwayStatus.FOLLOW_UP;
            followUpStartedOn = e.occurredOn();
        } else if (event instanceof FollowUpEnded e) {
            status = PathwayStatus.CLOSED;
            followUpEndedOn = e.occurredOn();
        }
        // ImmersionDone changes no decision-relevant state.
        return this;
    }

    /** Whole months in pathway from hiring to {@code date} (or to the exit, if earlier). */
    public int monthsInPathway(LocalDate date) {
        LocalDate end = exitedOn != null && exitedOn.isBefore(date) ? exitedOn : date;
        return (int) ChronoUnit.MONTHS.between(startedOn, end);
    }

    public boolean hired() {
        return status != null;
    }

    public String pathwayId() {
        return pathwayId;
    }

    public String participantId() {
        return participantId;
    }

    public String territory() {
        return territory;
    }

    public String aciId() {
        return aciId;
    }

    public Programme programme() {
        return programme;
    }

    public PathwayStatus status() {
        return status;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public LocalDate cvgSince() {
        return cvgSince;
    }

    public LocalDate plannedEnd() {
        return plannedEnd;
    }

    public double weeklyHours() {
        return weeklyHours;
    }

    public boolean hoursDerogation() {
        return hoursDerogation;
    }

    public int extensions() {
        return extensions;
    }

    public LocalDate exitedOn() {
        return exitedOn;
    }

    public String exitReason() {
        return exitReason;
    }

    public ExitCategory exitCategory() {
        return exitCategory;
    }

    public LocalDate followUpStartedOn() {
        return followUpStartedOn;
    }

    public LocalDate followUpEndedOn() {
        return followUpEndedOn;
    }

    public LocalDate lastEventOn() {
        return lastEventOn;
    }

    public Map<BarrierDomain, OpenBarrier> openBarriers() {
        return Collections.unmodifiableMap(openBarriers);
    }

    public Map<String, Boolean> openTrainings() {
        return Collections.unmodifiableMap(openTrainings);
    }

    public Map<String, Double> monthlyHours() {
        return Collections.unmodifiableMap(monthlyHours);
    }

    public boolean durableHousing() {
        return durableHousing;
    }

    public int rightsOpened() {
        return rightsOpened;
    }

    public int trainingsCompleted() {
        return trainingsCompleted;
    }

    public int healthCareAccesses() {
        return healthCareAccesses;
    }
}
