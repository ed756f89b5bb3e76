package fr.convergence.reporting.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the reports need to know about one pathway, folded from its events and stored as one document
 * keyed by pathwayId, together with the last applied sequence. Dates are ISO strings (yyyy-MM-dd) so that the
 * stored document is readable as is. Mutable on purpose: it is a fold state, copied before each event so that
 * the contributions before and after the event can be compared.
 */
public class PathwayFacts {

    public String pathwayId;
    public String territory;
    public String aciId;
    /** The pseudonymous participant (envelope {@code participantId}): joins the participant stream's age band. */
    public String participantId;
    public long lastSequence = -1;
    public String entryProgramme;
    public String programme;
    public String entryDate;
    public String transitionDate;
    public String transitionTo;
    public double weeklyHours;
    /** Weekly hours in force from each date on (hiring, changes, transition): the PHC trajectory. */
    public List<HoursStep> hoursSteps = new ArrayList<>();
    /** Hours worked by month (yyyy-MM); a later report of a month replaces the earlier one. */
    public Map<String, Double> hoursByMonth = new TreeMap<>();
    public String exitDate;
    public String exitCategory;
    public String exitReason;
    public Integer monthsInPathway;
    public String durableHousingDate;
    public String healthCareDate;
    public String rightsOpenedDate;
    public String trainingStartedDate;
    public String trainingCompletedDate;
    public String firstBarrierDate;
    /** Barrier domain → latest handling; a lifted barrier still counts: the person was concerned. */
    public Map<String, String> barriers = new LinkedHashMap<>();
    public String lastEventDate;
    /**
     * Bookkeeping of the store, not a fact: the highest sequence of this pathway parked while waiting for a missing
     * predecessor (-1: none), so that applying an event looks for parked successors only when there can be one.
     * {@code null} in documents written before it existed: unknown, so always looked for.
     */
    public Long parkedUpTo;

    public record HoursStep(String from, double hours) {
    }

    // ---- issue 18: the person's situation, the accompaniment, follow-up and corrections ----

    /**
     * True for facts folded by a version that keeps {@link #log}; {@code null} in documents written before it, whose
     * log is incomplete: a date correction cannot be replayed on them (a rebuild gives them their log).
     */
    public Boolean logged;
    /**
     * The pathway's dated events in sequence order (all but MonthlyHoursReported and the corrections), with the payload
     * the folding reads: what a correction replays, its date moved or its exit left out.
     */
    public List<LoggedEvent> log = new ArrayList<>();
    /** EventDateCorrected: sequence of the corrected event → the date it really happened. */
    public Map<String, String> dateCorrections = new TreeMap<>();
    /** ExitCancelled: sequences of the exits that did not happen. */
    public List<Long> cancelledExits = new ArrayList<>();
    /** Latest date of the events kept out of the log (monthly hours), so a replay finds the same last event date. */
    public String lastUnloggedDate;
    /** Sequence of the exit in force (null: none, or a document written before it existed). */
    public Long exitSequence;
    /** Housing situation at the exit (ParticipantExited.housingAtExit), null when unknown. */
    public String housingAtExit;
    /** The entry profile in force: the latest recorded (a correction replaces the earlier one). */
    public EntryProfile entryProfile;
    /** Current housing situation (HousingSituationChanged). */
    public String housingSituation;
    /** AccompanimentRecorded: date and kind of each act. */
    public List<DatedCode> accompaniments = new ArrayList<>();
    /** BarrierLifted: domain → first date it was lifted. */
    public Map<String, String> barriersLifted = new TreeMap<>();
    /** PathwayExtended: date of each decision. */
    public List<String> extensions = new ArrayList<>();
    /** ImmersionDone: date and days of each immersion. */
    public List<Immersion> immersions = new ArrayList<>();
    /** FollowUpContactRecorded: milestone in months ("1", "3", "6", "12") → the latest contact recorded for it. */
    public Map<String, FollowUpContact> followUpContacts = new TreeMap<>();

    public record LoggedEvent(long sequence, String type, String occurredOn, String aciId, Map<String, Object> data) {
    }

    public record EntryProfile(String housing, String withoutHousing, String referredBy, String healthCover,
                               String withoutWork, long sequence) {
    }

    public record DatedCode(String date, String code) {
    }

    public record Immersion(String date, double days) {
    }

    public record FollowUpContact(String date, String employment, String housing) {
    }

    /** The pathway went on in {@code aciId} from that date (its participant was moved); {@link #aciId} is the hiring one. */
    public record AciStep(String from, String aciId) {
    }

    /** ACI moves, in the order they were recorded; empty in documents written before moves existed. */
    public List<AciStep> aciSteps = new ArrayList<>();

    /** The ACI the pathway was lived in on {@code date}: the hiring one, or the latest move on or before it. */
    public String aciAt(java.time.LocalDate date) {
        String aci = aciId;
        for (AciStep step : aciSteps) {
            if (step.from().compareTo(date.toString()) <= 0) {
                aci = step.aciId();
            }
        }
        return aci;
    }

    public static PathwayFacts empty(String pathwayId) {
        PathwayFacts f = new PathwayFacts();
        f.pathwayId = pathwayId;
        f.parkedUpTo = -1L;
        f.logged = true;
        return f;
    }

    public boolean hired() {
        return entryDate != null;
    }

    public PathwayFacts copy() {
        PathwayFacts c = new PathwayFacts();
        c.pathwayId = pathwayId;
        c.territory = territory;
        c.aciId = aciId;
        c.participantId = participantId;
        c.lastSequence = lastSequence;
        c.entryProgramme = entryProgramme;
        c.programme = programme;
        c.entryDate = entryDate;
        c.transitionDate = transitionDate;
        c.transitionTo = transitionTo;
        c.weeklyHours = weeklyHours;
        c.hoursSteps = new ArrayList<>(hoursSteps);
        c.aciSteps = new ArrayList<>(aciSteps);
        c.hoursByMonth = new TreeMap<>(hoursByMonth);
        c.exitDate = exitDate;
        c.exitCategory = exitCategory;
        c.exitReason = exitReason;
        c.monthsInPathway = monthsInPathway;
        c.durableHousingDate = durableHousingDate;
        c.healthCareDate = healthCareDate;
        c.rightsOpenedDate = rightsOpenedDate;
        c.trainingStartedDate = trainingStartedDate;
        c.trainingCompletedDate = trainingCompletedDate;
        c.firstBarrierDate = firstBarrierDate;
        c.barriers = new LinkedHashMap<>(barriers);
        c.lastEventDate = lastEventDate;
        c.parkedUpTo = parkedUpTo;
        c.logged = logged;
        c.log = new ArrayList<>(log);
        c.dateCorrections = new TreeMap<>(dateCorrections);
        c.cancelledExits = new ArrayList<>(cancelledExits);
        c.lastUnloggedDate = lastUnloggedDate;
        c.exitSequence = exitSequence;
        c.housingAtExit = housingAtExit;
        c.entryProfile = entryProfile;
        c.housingSituation = housingSituation;
        c.accompaniments = new ArrayList<>(accompaniments);
        c.barriersLifted = new TreeMap<>(barriersLifted);
        c.extensions = new ArrayList<>(extensions);
        c.immersions = new ArrayList<>(immersions);
        c.followUpContacts = new TreeMap<>(followUpContacts);
        return c;
    }
}
