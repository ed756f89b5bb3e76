package fr.convergence.participant.registration;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.participant.accesslog.Purpose;
import fr.convergence.participant.domain.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Participants: registration, moves between ACI, reads and search (both recorded with their purpose), erasure.
 * 400: malformed input (field named); 403: role not admitted, or a body naming an ACI/territory that is not the
 * caller's; 404: unknown participant, or one the caller does not see; 409: state forbids it; 422: a rule broken.
 * Who may do what is in the README's "Access" section and the generated access matrix.
 */
@RestController
@RequestMapping("/api/participants")
@Validated
@Tag(name = "participants")
class ParticipantController {

    static final String PARTICIPANT_ID = "PSN-[A-Z2-7]{12}";

    private final ParticipantService participants;

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
    }

    @PostMapping
    @PreAuthorize("hasRole('CIP')")
    @Operation(summary = "Register a participant into your own ACI; answers the pseudonymous id (ParticipantRegistered)")
    ResponseEntity<ParticipantViews.Registered> register(@Valid @RequestBody ParticipantRequests.Register r,
                                                         Caller caller) {
        PersonalData data = new PersonalData(r.firstName().strip(), r.lastName().strip(), r.birthDate(),
                blankToNull(r.phone()), blankToNull(r.email()), blankToNull(r.address()));
        ParticipantViews.Registered registered = participants.register(data, r.referentId(), r.aciId(), caller);
        return ResponseEntity.created(URI.create("/api/participants/" + registered.participantId())).body(registered);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('CIP','COORDINATOR','NATIONAL_ANALYST','AUDITOR')")
    @Operation(summary = "Read a participant's record (purpose required; the read is recorded). The national team "
            + "gets the pseudonymous record (no personal field, no purpose needed, nothing personal to record)")
    ParticipantViews.View read(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id,
                               @RequestHeader(value = Purpose.HEADER, required = false) String purposeHeader,
                               @RequestParam(value = "purpose", required = false) String purposeParam,
                               Caller caller) {
        if (caller.is(Role.NATIONAL_ANALYST)) {
            return participants.readPseudonymous(id, caller);
        }
        return participants.read(id, caller, Purpose.require(purposeHeader, purposeParam));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Everything this service recorded about a participant, for an auditor (purpose required; "
            + "the read is recorded)")
    ParticipantViews.History history(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id,
                                     @RequestHeader(value = Purpose.HEADER, required = false) String purposeHeader,
                                     @RequestParam(value = "purpose", required = false) String purposeParam,
                                     Caller caller) {
        return participants.history(id, caller, Purpose.require(purposeHeader, purposeParam));
    }

    @PostMapping("/search")
    @PreAuthorize("hasAnyRole('CIP','ENCADRANT','COORDINATOR','AUDITOR')")
    @Operation(summary = "Search your ACI or territory by name (exact, accent- and case-insensitive) and status, "
            + "paged (purpose required; each hit is recorded)")
    ParticipantViews.Page<ParticipantViews.Summary> search(
            @Valid @RequestBody ParticipantRequests.Search r,
            @RequestHeader(value = Purpose.HEADER, required = false) String purposeHeader,
            @RequestParam(value = "purpose", required = false) String purposeParam,
            Caller caller) {
        return participants.search(r, caller, Purpose.require(purposeHeader, purposeParam));
    }

    @PutMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('CIP','COORDINATOR')")
    @Operation(summary = "Correct a participant's contact details (GDPR Art. 16): phone, email, address as they "
            + "should now read, a blank one removed; recorded in the access log (ParticipantContactRectified names "
            + "the fields changed, never their values)")
    ParticipantViews.Full rectifyContact(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id,
                                         @Valid @RequestBody ParticipantRequests.ContactDetails r, Caller caller) {
        return participants.rectifyContact(id, blankToNull(r.phone()), blankToNull(r.email()),
                blankToNull(r.address()), caller);
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Move a participant to another ACI of the territory (ParticipantMoved)")
    ParticipantViews.Registered move(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id,
                                     @Valid @RequestBody ParticipantRequests.Move r, Caller caller) {
        return participants.move(id, r.aciId(), r.referentId(), caller);
    }

    // DELETE is the same crypto-erasure as POST .../erasure (not the withdrawal of a registration made in error),
    // so it admits the same role: the territory's coordinator.
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Erase a participant: destroy their key, drop their search hashes (ParticipantErased)")
    ParticipantViews.Full erase(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id, Caller caller) {
        return participants.erase(id, caller);
    }

    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Same as DELETE, for clients that cannot send DELETE")
    ParticipantViews.Full eraseByPost(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id, Caller caller) {
        return participants.erase(id, caller);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
