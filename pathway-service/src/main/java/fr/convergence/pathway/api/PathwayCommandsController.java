package fr.convergence.pathway.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.ServedTerritories;
import org.springframework.http.HttpStatus;
import fr.convergence.kit.web.ApiException;
import fr.convergence.pathway.domain.command.*;
import org.bson.Document;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Records what happens in a pathway. Each endpoint sends one command; the answer is the pathway's new state.
 * 400: malformed input; 422: a programme rule broken; 409: the pathway's state does not allow it; 404: no such
 * pathway (or one of another ACI: its existence is not revealed). A rejected command stores nothing. The user who
 * recorded each event is the token's subject.
 */
@RestController
@RequestMapping("/api/pathways")
@Validated
@Tag(name = "pathway commands")
class PathwayCommandsController {

    static final String ID = "[A-Za-z0-9_.-]{1,64}";
    /** Only ACI staff record what happens in a pathway; coordinators and the national team read. */
    static final String CIP_ONLY = "hasRole('CIP')";

    private final CommandSending commands;
    private final PathwayQueries queries;
    private final OpenPathwayHiring hiring;
    private final ServedTerritories territories;
    private final PathwayAccess access;

    PathwayCommandsController(CommandSending commands, PathwayQueries queries, OpenPathwayHiring hiring,
                              ServedTerritories territories, PathwayAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.hiring = hiring;
        this.territories = territories;
        this.access = access;
    }

    @PostMapping
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Open a pathway: hire a participant on a PHC or CVG contract")
    ResponseEntity<PathwayView> open(@Valid @RequestBody Requests.OpenPathway r, Caller caller) {
        // ACI staff open pathways of their own ACI in their own territory, and nothing else (403, not 422: the
        // request is well-formed, the caller is not entitled to it)
        // the territory named, else the caller's only one (several and none named: 400), else this instance's
        String territory = territories.resolve(caller.territoryFor(r.territory()));
        if (!PathwayAccess.sees(caller, territory, r.aciId())) {
            throw PathwayAccess.notYours(caller.territories().contains(territory)
                    ? "aciId" : "territory", "you record pathways of your own ACI and territory only");
        }
        if (!territories.serves(territory)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "territory-served", "territory",
                    "this instance records pathways of " + territories.all() + ", not " + territory);
        }
        hiring.requireOfAci(r.participantId(), r.aciId());
        String pathwayId = UUID.randomUUID().toString();
        PathwayView view;
        hiring.index(r.participantId(), pathwayId); // before hiring: an audit must never miss a pathway
        try {
            hiring.claim(r.participantId(), pathwayId).ifPresent(blocking -> {
                // the rule spans ACIs, so the conflict is told; the blocking pathway's id only to whoever sees it
                boolean visible = queries.locate(blocking)
                        .filter(p -> PathwayAccess.sees(caller, p.territory(), p.aciId())).isPresent();
                throw ApiException.conflict("one-open-pathway", "participant " + r.participantId()
                        + " already has an open pathway" + (visible ? " " + blocking : ""));
            });
            view = commands.send(pathwayId, new HireParticipant(pathwayId, r.contractStart(), r.participantId(),
                    territory, r.aciId(), r.programme(), r.plannedEnd(), r.weeklyHours(),
                    Boolean.TRUE.equals(r.hoursDerogation())), caller, null);
        } catch (RuntimeException refused) {
            // a refused hire leaves nothing behind; only a crash can (readers and the next hire skip such leftovers).
            // If the stream exists after all, the hire happened and its index entry and claim must stay.
            if (queries.locate(pathwayId).isEmpty()) {
                hiring.undo(r.participantId(), pathwayId);
            }
            throw refused;
        }
        return ResponseEntity.created(URI.create("/api/pathways/" + pathwayId)).body(view);
    }

    @PostMapping("/{id}/weekly-hours")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Change weekly hours (PHC ramp-up)")
    PathwayView weeklyHours(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.WeeklyHours r,
                            Caller caller) {
        return record(id, new ChangeWeeklyHours(id, r.effectiveDate(), r.weeklyHours()), caller);
    }

    @PostMapping("/{id}/transition")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Move a PHC pathway to a Convergence (CVG) contract")
    PathwayView transition(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Transition r,
                           Caller caller) {
        return record(id, new TransitionToConvergence(id, r.date(), r.plannedEnd(), r.weeklyHours(), Boolean.TRUE.equals(r.hoursDerogation())), caller);
    }

    @PostMapping("/{id}/extensions")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Extend the pathway (each decision ≤ 12 months, total ≤ 60 months)")
    PathwayView extend(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Extension r,
                       Caller caller) {
        return record(id, new ExtendPathway(id, r.decisionDate(), r.newPlannedEnd(), r.reason(), r.decisionReference()), caller);
    }

    @PostMapping("/{id}/barriers")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Assess or re-assess a barrier")
    PathwayView assessBarrier(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Barrier r,
                              Caller caller) {
        return record(id, new AssessBarrier(id, r.date(), r.domain(), r.intensity(), r.handling()), caller);
    }

    @PostMapping("/{id}/barriers/{domain}/lift")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Lift an open barrier")
    PathwayView liftBarrier(@PathVariable @Pattern(regexp = ID) String id,
                            @PathVariable fr.convergence.pathway.domain.BarrierDomain domain,
                            @Valid @RequestBody Requests.Dated r,
                            Caller caller) {
        return record(id, new LiftBarrier(id, r.date(), domain), caller);
    }

    @PostMapping("/{id}/housing")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record housing or shelter secured")
    PathwayView housing(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Housing r,
                        Caller caller) {
        return record(id, new RecordHousing(id, r.date(), r.kind()), caller);
    }

    @PostMapping("/{id}/health-care")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record access to health care (no detail is stored)")
    PathwayView healthCare(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Dated r,
                           Caller caller) {
        return record(id, new RecordHealthCareAccess(id, r.date()), caller);
    }

    @PostMapping("/{id}/rights")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record a right opened")
    PathwayView rights(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Right r,
                       Caller caller) {
        return record(id, new RecordRightsOpened(id, r.date(), r.right()), caller);
    }

    @PostMapping("/{id}/trainings")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Start a training")
    PathwayView startTraining(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Training r,
                              Caller caller) {
        return record(id, new StartTraining(id, r.date(), r.trainingId(), Boolean.TRUE.equals(r.qualifying())), caller);
    }

    @PostMapping("/{id}/trainings/{trainingId}/completion")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Complete a training")
    PathwayView completeTraining(@PathVariable @Pattern(regexp = ID) String id,
                                 @PathVariable @Pattern(regexp = ID) String trainingId,
                                 @Valid @RequestBody Requests.TrainingCompletion r,
                                 Caller caller) {
        return record(id, new CompleteTraining(id, r.date(), trainingId, Boolean.TRUE.equals(r.certified())), caller);
    }

    @PostMapping("/{id}/immersions")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record a work immersion")
    PathwayView immersion(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Immersion r,
                          Caller caller) {
        return record(id, new RecordImmersion(id, r.date(), r.days()), caller);
    }

    @PostMapping("/{id}/monthly-hours")
    @PreAuthorize("hasAnyRole('CIP','ENCADRANT')")   // the encadrant·e enters the month's hours for the whole ACI
    @Operation(summary = "Report the hours worked in a month (a new report of the same month corrects it)")
    PathwayView monthlyHours(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.MonthlyHours r,
                             Caller caller) {
        return record(id, new ReportMonthlyHours(id, r.month(), r.hours()), caller);
    }

    @PostMapping("/{id}/exit")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Exit the pathway with a reason of the exit-reason table")
    PathwayView exit(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Exit r,
                     Caller caller) {
        return record(id, new ExitPathway(id, r.date(), r.reason(), r.housingAtExit()), caller);
    }

    @PostMapping("/{id}/monthly-hours/series")
    @PreAuthorize("hasAnyRole('CIP','ENCADRANT')")
    @Operation(summary = "Report several months' hours in one command (all or none)")
    PathwayView monthlyHoursSeries(@PathVariable @Pattern(regexp = ID) String id,
                                   @Valid @RequestBody Requests.MonthlyHoursSeries r, Caller caller) {
        return record(id, new ReportMonthlyHoursSeries(id, r.months().stream()
                .map(m -> new ReportMonthlyHoursSeries.MonthHours(m.month(), m.hours())).toList()), caller);
    }

    @PostMapping("/{id}/entry-profile")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record the entry profile (coded: housing, time without housing or work, referral source, "
            + "health cover, rights); a new one corrects the last and needs a correctionReason")
    PathwayView entryProfile(@PathVariable @Pattern(regexp = ID) String id,
                             @Valid @RequestBody Requests.EntryProfile r, Caller caller) {
        return record(id, new RecordEntryProfile(id, r.date(), r.housing(), r.withoutHousing(), r.referredBy(),
                r.healthCover(), r.rightsAtEntry(), r.withoutWork(), r.correctionReason()), caller);
    }

    @PostMapping("/{id}/accompaniments")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record an interview, an accompanied visit or a case conference (who took part: roles)")
    PathwayView accompaniment(@PathVariable @Pattern(regexp = ID) String id,
                              @Valid @RequestBody Requests.Accompaniment r, Caller caller) {
        return record(id, new RecordAccompaniment(id, r.date(), r.kind(), r.length(), r.participants()), caller);
    }

    @PostMapping("/{id}/housing-situation")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record a change of housing situation (also during follow-up)")
    PathwayView housingSituation(@PathVariable @Pattern(regexp = ID) String id,
                                 @Valid @RequestBody Requests.HousingChange r, Caller caller) {
        return record(id, new ChangeHousingSituation(id, r.date(), r.situation()), caller);
    }

    @PostMapping("/{id}/follow-up/contacts")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Record a contact after the exit (about 1, 3, 6 and 12 months) and the situation found")
    PathwayView followUpContact(@PathVariable @Pattern(regexp = ID) String id,
                                @Valid @RequestBody Requests.FollowUpContact r, Caller caller) {
        return record(id, new RecordFollowUpContact(id, r.date(), r.employment(), r.housing(), r.newDifficulty()),
                caller);
    }

    @PostMapping("/{id}/corrections/date")
    @PreAuthorize("hasAnyRole('CIP','COORDINATOR')")
    @Operation(summary = "Correct the date of an earlier event (by its sequence): a correction event, history kept")
    PathwayView correctDate(@PathVariable @Pattern(regexp = ID) String id,
                            @Valid @RequestBody Requests.DateCorrection r, Caller caller) {
        return record(id, new CorrectEventDate(id, r.sequence(), r.rightDate(), r.reason()), caller);
    }

    @PostMapping("/{id}/exit/cancellation")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Cancel a mistaken exit (coordinator, within the programme's window): the pathway is "
            + "active again; the exit stays in the history")
    PathwayView cancelExit(@PathVariable @Pattern(regexp = ID) String id,
                           @Valid @RequestBody Requests.ExitCancellation r, Caller caller) {
        Document stream = access.requireStream(caller, id);
        PathwayQueries.Located pathway = PathwayQueries.located(stream);
        // active again means open again: the participant must not have another open pathway meanwhile
        hiring.claim(pathway.participantId(), id).ifPresent(blocking -> {
            throw ApiException.conflict("one-open-pathway", "participant " + pathway.participantId()
                    + " has another open pathway since this exit");
        });
        return commands.send(id, new CancelExit(id, r.reason()), caller, stream);
    }

    @PostMapping("/{id}/follow-up/start")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "Start post-exit follow-up (within 12 months of the exit)")
    PathwayView startFollowUp(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Dated r,
                              Caller caller) {
        return record(id, new StartFollowUp(id, r.date()), caller);
    }

    @PostMapping("/{id}/follow-up/end")
    @PreAuthorize(CIP_ONLY)
    @Operation(summary = "End post-exit follow-up")
    PathwayView endFollowUp(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Dated r,
                            Caller caller) {
        return record(id, new EndFollowUp(id, r.date()), caller);
    }

    /**
     * A command on an existing pathway: only the ACI staff of the pathway's ACI see it (404 otherwise). The stream
     * read for that check is the one the command loads its aggregate from: one read per command.
     */
    private PathwayView record(String pathwayId, Object command, Caller caller) {
        return commands.send(pathwayId, command, caller, access.requireStream(caller, pathwayId));
    }
}
