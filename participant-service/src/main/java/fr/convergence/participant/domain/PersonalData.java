package fr.convergence.participant.domain;

import java.time.LocalDate;

/**
 * Everything that identifies the person. It exists in clear only in memory: at rest it is one AES-GCM blob
 * under the participant's own key, and it never appears in an event or a log line. Optional fields are null.
 */
public record PersonalData(String firstName, String lastName, LocalDate birthDate, String phone, String email,
                           String address) {

    /** Never print personal data by accident (exception messages, debug logs). */
    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
