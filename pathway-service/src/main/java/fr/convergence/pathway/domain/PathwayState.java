package fr.convergence.pathway.domain;

import fr.convergence.pathway.domain.event.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pathway's state as the fold of its events. The aggregate decides with it, the read side shows it and the
 * audit replays it "as of" a date: one fold, so the three can never disagree.
 */
public final class PathwayState {

    /**
     * The version of what the fold does. Stored snapshots of the aggregate are told apart by a fingerprint of the
     * fields they hold, which cannot see a change of meaning: bump this whenever an event's effect on the state
     * changes without a field changing (a new rule in {@link #apply}, a correction read differently), so that every
     * snapshot taken with the old fold is ignored and the state folded again from the events.
     */
    public static final int FOLD_VERSION = 1;

    /** An open barrier and how it is handled. */
    public record OpenBarrier(Intensity intensity, Handling handling, LocalDate since) {
    }

    /** Where the person came from, as last recorded ({@code sequence}: its position, for a correction). */
    public record EntryProfile(HousingSituation housing, DurationBand withoutHousing, ReferralSource referredBy,
                               HealthCover healthCover, List<RightKind> rightsAtEntry, DurationBand withoutWork,
                               LocalDate recordedOn, long sequence) {
    }

    /** A contact after the exit and what was found. */
    public record FollowUpContact(int milestoneMonths, LocalDate date, EmploymentSituation employment,
                                  HousingSituation housing, BarrierDomain newDifficulty) {
    }

    /** How much accompaniment was recorded, by kind. */
    public record Accompaniments(int total, int interviews, int accompaniedVisits, int caseConferences,
                                 LocalDate lastOn) {
        static final Accompaniments NONE = new Accompaniments(0, 0, 0, 0, null);

        Accompaniments plus(AccompanimentKind kind, LocalDate on) {
            return new Accompaniments(total + 1, interviews + (kind == AccompanimentKind.INTERVIEW ? 1 : 0),
                    accompaniedVisits + (kind.accompaniedVisit() ? 1 : 0),
                    caseConferences + (kind == AccompanimentKind.CASE_CONFERENCE ? 1 : 0),
                    lastOn == null || on.isAfter(lastOn) ? on : lastOn);
        }

        Accompaniments withLastOn(LocalDate on) {
            return new Accompaniments(total, interviews, accompaniedVisits, caseConferences, on);
        }
    }

    /** What a correction needs to know of an earlier event: its type and its (possibly corrected) date. */
    public record Recorded(String type, LocalDate date) {
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
    private HousingSituation housingSituation;
    private HousingSituation housingAtExit;
    private long exitSequence = -1;
    private EntryProfile entryProfile;
    private Accompaniments accompaniments = Accompaniments.NONE;
    private final List<FollowUpContact> followUpContacts = new ArrayList<>();
    /** Where each contact's event sits in the stream → its index in {@link #followUpContacts}, for a correction. */
    private final Map<Long, Integer> contactAt = new TreeMap<>();
    private final Map<Long, Recorded> recorded = new TreeMap<>();

    /** Applies an event whose position in the stream is unknown (it cannot be the target of a correction). */
    public PathwayState apply(PathwayEvent event) {
        return apply(event, -1);
    }

    /** Applies the event at {@code sequence} of the stream. */
    public PathwayState apply(PathwayEvent event, long sequence) {
        if (sequence >= 0) {
            recorded.put(sequence, new Recorded(event.getClass().getSimpleName(), event.occurredOn()));
        }
        if (event instanceof EventDateCorrected c) {
            correctDate(c);
            return this;
        }
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
            housingSituation = switch (e.kind()) {
                case DURABLE_HOUSING -> HousingSituation.DURABLE_HOUSING;
                case SOCIAL_RESIDENCE -> HousingSituation.SOCIAL_RESIDENCE;
                // "a shelter" says less than the trajectory may know already (a CHRS, a social hotel): keep that
                case SHELTER -> housingSituation != null && housingSituation.group() == HousingSituation.Group.SHELTER
                        ? housingSituation : HousingSituation.EMERGENCY_SHELTER;
            };
        } else if (event instanceof EntryProfileRecorded e) {
            if (entryProfile == null || housingSituation == entryProfile.housing()) {
                housingSituation = e.housing();   // a corrected profile moves the situation only if nothing changed it since
            }
            entryProfile = new EntryProfile(e.housing(), e.withoutHousing(), e.referredBy(), e.healthCover(),
                    e.rightsAtEntry(), e.withoutWork(), e.occurredOn(), sequence);
        } else if (event instanceof HousingSituationChanged e) {
            housingSituation = e.to();
            durableHousing |= e.to() == HousingSituation.DURABLE_HOUSING;
        } else if (event instanceof AccompanimentRecorded e) {
            accompaniments = accompaniments.plus(e.kind(), e.occurredOn());
        } else if (event instanceof FollowUpContactRecorded e) {
            followUpContacts.add(new FollowUpContact(e.milestoneMonths(), e.occurredOn(), e.employment(), e.housing(),
                    e.newDifficulty()));
            if (sequence >= 0) {
                contactAt.put(sequence, followUpContacts.size() - 1);
            }
            housingSituation = e.housing();
        } else if (event instanceof ExitCancelled) {
            status = PathwayStatus.ACTIVE;
            exitedOn = null;
            exitReason = null;
            exitCategory = null;
            housingAtExit = null;
            exitSequence = -1;
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
            housingAtExit = e.housingAtExit();
            housingSituation = e.housingAtExit() != null ? e.housingAtExit() : housingSituation;
            exitSequence = sequence;
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

    /** A date correction moves the dates a decision depends on; other events keep only their corrected date. */
    private void correctDate(EventDateCorrected c) {
        recorded.computeIfPresent(c.correctedSequence(), (seq, r) -> new Recorded(r.type(), c.rightDate()));
        switch (c.correctedType()) {
            case "ParticipantHired" -> startedOn = c.rightDate();
            case "ProgrammeTransitioned" -> cvgSince = c.rightDate();
            case "ParticipantExited" -> {
                if (c.correctedSequence() == exitSequence) {
                    exitedOn = c.rightDate();
                }
            }
            case "FollowUpStarted" -> followUpStartedOn = c.rightDate();
            case "FollowUpEnded" -> followUpEndedOn = c.rightDate();
            case "EntryProfileRecorded" -> {
                if (entryProfile != null && entryProfile.sequence() == c.correctedSequence()) {
                    entryProfile = new EntryProfile(entryProfile.housing(), entryProfile.withoutHousing(),
                            entryProfile.referredBy(), entryProfile.healthCover(), entryProfile.rightsAtEntry(),
                            entryProfile.withoutWork(), c.rightDate(), entryProfile.sequence());
                }
            }
            // what the person's page shows follows the correction too: the last accompaniment, the contact's day
            case "AccompanimentRecorded" -> accompaniments = accompaniments.withLastOn(recorded.values().stream()
                    .filter(r -> r.type().equals(AccompanimentRecorded.class.getSimpleName()))
                    .map(Recorded::date).max(LocalDate::compareTo).orElse(null));
            case "FollowUpContactRecorded" -> {
                Integer at = contactAt.get(c.correctedSequence());
                if (at != null) {
                    FollowUpContact was = followUpContacts.get(at);
                    followUpContacts.set(at, new FollowUpContact(was.milestoneMonths(), c.rightDate(), was.employment(),
                            was.housing(), was.newDifficulty()));
                }
            }
            default -> {
                // the other events' dates feed no decision here; the read side and reporting apply them
            }
        }
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

    public HousingSituation housingSituation() {
        return housingSituation;
    }

    public HousingSituation housingAtExit() {
        return housingAtExit;
    }

    public long exitSequence() {
        return exitSequence;
    }

    public EntryProfile entryProfile() {
        return entryProfile;
    }

    public Accompaniments accompaniments() {
        return accompaniments;
    }

    public List<FollowUpContact> followUpContacts() {
        return Collections.unmodifiableList(followUpContacts);
    }

    /** The latest (corrected) date among the events applied with their position; null if there is none. */
    public LocalDate latestDate() {
        return recorded.values().stream().map(Recorded::date).max(LocalDate::compareTo).orElse(null);
    }

    /** The event at {@code sequence}, with its corrected date; null if there is none. */
    public Recorded recorded(long sequence) {
        return recorded.get(sequence);
    }

    /** The earliest (corrected) date among the events other than {@code sequence}; null if there is none. */
    public LocalDate earliestDateExcept(long sequence) {
        return recorded.entrySet().stream().filter(e -> e.getKey() != sequence)
                .map(e -> e.getValue().date()).min(LocalDate::compareTo).orElse(null);
    }
}
