package fr.convergence.participant.registration;

import fr.convergence.participant.domain.AgeBand;
import fr.convergence.participant.domain.ParticipantStatus;
import fr.convergence.participant.domain.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the participant API answers. */
final class ParticipantViews {

    static final String ERASED = "[erased]";

    private ParticipantViews() {
    }

    /** Answer to a registration: the new pseudonymous id, nothing personal (echoing it would be an unlogged read). */
    record Registered(String participantId, String territory, String aciId, String referentId, String ageBand,
                      ParticipantStatus status) {
    }

    /** What a read of one participant answers: the full record, or the pseudonymous one for the national team. */
    sealed interface View permits Full, Pseudonymous {
    }

    /**
     * A participant as the national team sees them (OWASP API3, property level): the pseudonymous id, where they
     * are followed, their status and when they were registered. Nothing personal — no name, birth date or age
     * band, contact, address or referent — so this record is a closed list of fields, not a filtered copy of
     * {@link Full}: a field added to the full record never reaches it by accident.
     */
    record Pseudonymous(String participantId, String territory, String aciId, ParticipantStatus status,
                        boolean erased, Instant registeredAt) implements View {

        static Pseudonymous of(StoredParticipant p) {
            return new Pseudonymous(p.id(), p.territory(), p.aciId(), p.status(),
                    p.status() == ParticipantStatus.ERASED, p.registeredAt());
        }
    }

    /** A participant's full record, as read by staff for a stated purpose. */
    record Full(String participantId, String territory, String aciId, String referentId, ParticipantStatus status,
                boolean erased, String firstName, String lastName, String birthDate, String ageBand, String phone,
                String email, String address, Instant registeredAt, Instant erasedAt, long version) implements View {

        static Full of(StoredParticipant p, PersonalData data, LocalDate today) {
            return new Full(p.id(), p.territory(), p.aciId(), p.referentId(), p.status(), false, data.firstName(),
                    data.lastName(), data.birthDate().toString(), AgeBand.of(data.birthDate(), today).label(),
                    data.phone(), data.email(), data.address(), p.registeredAt(), p.erasedAt(), p.version());
        }

        static Full erased(StoredParticipant p) {
            return new Full(p.id(), p.territory(), p.aciId(), p.referentId(), p.status(), true, ERASED, ERASED,
                    ERASED, ERASED, ERASED, ERASED, ERASED, p.registeredAt(), p.erasedAt(), p.version());
        }
    }

    /** One search hit: enough to recognise the person, no contact details. */
    record Summary(String participantId, String aciId, String referentId, ParticipantStatus status, boolean erased,
                   String firstName, String lastName, String ageBand) {

        static Summary of(Full full) {
            return new Summary(full.participantId(), full.aciId(), full.referentId(), full.status(), full.erased(),
                    full.firstName(), full.lastName(), full.ageBand());
        }
    }

    /** An auditor's view of everything this service recorded about one participant, oldest first. */
    record History(String participantId, boolean erased, List<tools.jackson.databind.JsonNode> items) {
    }

    record Page<T>(int page, int size, long total, List<T> items) {
    }
}
