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

    /** A participant's full record, as read by staff for a stated purpose. */
    record Full(String participantId, String territory, String aciId, String referentId, ParticipantStatus status,
                boolean erased, String firstName, String lastName, String birthDate, String ageBand, String phone,
                String email, String address, Instant registeredAt, Instant erasedAt, long version) {

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
