package fr.convergence.reporting.projection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Applies one participant-event v1 to the reference data. Pure. Each method returns the new state, or the same
 * instance when the event changes nothing (a duplicate, or a fact reporting does not keep). Tolerant: a field the
 * figures can do without (a name, a date that does not parse) is left as it was; only a missing identifier makes the
 * event unusable ({@link InvalidEventException}, dead-lettered).
 */
public final class ParticipantFolding {

    /** What an event is about; {@code OTHER}: a type reporting does not use (contact rectifications, future types). */
    public enum Subject { TERRITORY, ACI, PARTICIPANT, OTHER }

    private ParticipantFolding() {
    }

    public static Subject subject(ParticipantEvent e) {
        return switch (e.type()) {
            case "TerritoryCreated", "TerritoryChanged" -> Subject.TERRITORY;
            case "AciCreated", "AciChanged" -> Subject.ACI;
            case "ParticipantRegistered", "ParticipantMoved", "ParticipantErased" -> Subject.PARTICIPANT;
            default -> Subject.OTHER;
        };
    }

    /** The key of the document the event is about (territory code, ACI id or participant id). */
    public static String key(ParticipantEvent e) {
        String key = switch (subject(e)) {
            case TERRITORY -> first(e.text("code"), e.territory());
            case ACI -> first(e.text("aciId"), e.aciId());
            case PARTICIPANT -> first(e.text("participantId"), e.participantId());
            case OTHER -> "";
        };
        if (key == null) {
            throw new InvalidEventException(e.type() + " without the id it is about");
        }
        return key;
    }

    public static ReferenceData.Territory territory(ReferenceData.Territory before, ParticipantEvent e) {
        if (before != null && e.eventId().equals(before.lastEventId())) {
            return before;
        }
        String name = first(e.text("name"), before == null ? null : before.name());
        return new ReferenceData.Territory(key(e), name, e.eventId());
    }

    public static ReferenceData.Aci aci(ReferenceData.Aci before, ParticipantEvent e) {
        if (before != null && e.eventId().equals(before.lastEventId())) {
            return before;
        }
        // AciChanged carries the whole ACI (the contract's required fields), so it replaces what was known
        return new ReferenceData.Aci(key(e), e.territory(), first(e.text("name"), before == null ? null : before.name()),
                e.texts("programmes").isEmpty() && before != null ? before.programmes() : e.texts("programmes"),
                e.flag("localCoordination"), date(e.text("joinedOn")), date(e.text("leftOn")), e.eventId());
    }

    public static ReferenceData.Participant participant(ReferenceData.Participant before, ParticipantEvent e) {
        if (before != null && (e.eventId().equals(before.lastEventId()) || before.erased())) {
            return before;   // a duplicate, or anything after an erasure
        }
        String id = key(e);
        return switch (e.type()) {
            case "ParticipantRegistered" -> new ReferenceData.Participant(id, e.territory(),
                    first(e.text("aciId"), e.aciId()), e.text("ageBand"), false, e.eventId());
            case "ParticipantMoved" -> new ReferenceData.Participant(id, e.territory(),
                    first(e.text("toAciId"), e.aciId()), before == null ? null : before.ageBand(), false, e.eventId());
            case "ParticipantErased" -> new ReferenceData.Participant(id, e.territory(), null, null, true, e.eventId());
            default -> before;
        };
    }

    private static String date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            return null;   // the ACI then counts as in the programme on that side, as when the date is absent
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
