package fr.convergence.participant.registration;

import fr.convergence.participant.accesslog.Purpose;
import fr.convergence.participant.actor.Actor;
import fr.convergence.participant.domain.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Participants: registration, moves between ACI, reads and search (both recorded with their purpose), erasure.
 * 400: malformed input (field named); 404: unknown participant; 409: state forbids it; 422: a rule broken.
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
    @Operation(summary = "Register a participant; answers the pseudonymous id (ParticipantRegistered)")
    ResponseEntity<ParticipantViews.Registered> register(@Valid @RequestBody ParticipantRequests.Register r,
                                                         Actor actor) {
        PersonalData data = new PersonalData(r.firstName().strip(), r.lastName().strip(), r.birthDate(),
                blankToNull(r.phone()), blankToNull(r.email()), blankToNull(r.address()));
        ParticipantViews.Registered registered = participants.register(data, r.referentId(), r.aciId(), actor.userId());
        return ResponseEntity.created(URI.create("/api/participants/" + registered.participantId())).body(registered);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a participant's record (purpose required; the read is recorded)")
    ParticipantViews.Full read(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id,
                               @RequestHeader(value = Purpose.HEADER, required = false) String purposeHeader,
                               @RequestParam(value = "purpose", required = false) String purposeParam,
                               Actor actor) {
        return participants.read(id, actor.userId(), Purpose.require(purposeHeader, purposeParam));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Everything this service recorded about a participant, for an auditor (purpose required; "
            + "the read is recorded)")
    ParticipantViews.History history(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id,
                                     @RequestHeader(value = Purpose.HEADER, required = false) String purposeHeader,
                                     @RequestParam(value = "purpose", required = false) String purposeParam,
                                     Actor actor) {
        return participants.history(id, actor.userId(), Purpose.require(purposeHeader, purposeParam));
    }

    @PostMapping("/search")
    @Operation(summary = "Search an ACI or the territory by name (exact, accent- and case-insensitive) and status, "
            + "paged (purpose required; each hit is recorded)")
    ParticipantViews.Page<ParticipantViews.Summary> search(
            @Valid @RequestBody ParticipantRequests.Search r,
            @RequestHeader(value = Purpose.HEADER, required = false) String purposeHeader,
            @RequestParam(value = "purpose", required = false) String purposeParam,
            Actor actor) {
        return participants.search(r, actor.userId(), Purpose.require(purposeHeader, purposeParam));
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move a participant to another ACI of the territory (ParticipantMoved)")
    ParticipantViews.Registered move(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id,
                                     @Valid @RequestBody ParticipantRequests.Move r, Actor actor) {
        return participants.move(id, r.aciId(), r.referentId(), actor.userId());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase a participant: destroy their key, drop their search hashes (ParticipantErased)")
    ParticipantViews.Full erase(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id, Actor actor) {
        return participants.erase(id, actor.userId());
    }

    @PostMapping("/{id}/erasure")
    @Operation(summary = "Same as DELETE, for clients that cannot send DELETE")
    ParticipantViews.Full eraseByPost(@PathVariable @Pattern(regexp = PARTICIPANT_ID) String id, Actor actor) {
        return participants.erase(id, actor.userId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
