package fr.convergence.pathway.api;

import fr.convergence.pathway.config.ServedTerritories;
import org.springframework.http.HttpStatus;
import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.Correlation;
import fr.convergence.pathway.domain.command.*;
import fr.convergence.pathway.store.OpenPathwayRegistry;
import fr.convergence.pathway.store.ParticipantPathways;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Records what happens in a pathway. Each endpoint sends one command; the answer is the pathway's new state.
 * 400: malformed input; 422: a programme rule broken; 409: the pathway's state does not allow it; 404: no such
 * pathway. A rejected command stores nothing.
 */
@RestController
@RequestMapping("/api/pathways")
@Validated
@Tag(name = "pathway commands")
class PathwayCommandsController {

    static final String ID = "[A-Za-z0-9_.-]{1,64}";

    private final CommandGateway commands;
    private final PathwayQueries queries;
    private final OpenPathwayRegistry openPathways;
    private final ServedTerritories territories;
    private final ParticipantPathways participantPathways;
    private final MeterRegistry meters;

    PathwayCommandsController(CommandGateway commands, PathwayQueries queries, OpenPathwayRegistry openPathways,
                              ServedTerritories territories, ParticipantPathways participantPathways,
                              MeterRegistry meters) {
        this.commands = commands;
        this.queries = queries;
        this.openPathways = openPathways;
        this.territories = territories;
        this.participantPathways = participantPathways;
        this.meters = meters;
    }

    @PostMapping
    @Operation(summary = "Open a pathway: hire a participant on a PHC or CVG contract")
    ResponseEntity<PathwayView> open(@Valid @RequestBody Requests.OpenPathway r,
                                     @RequestHeader(value = "X-User-Id", required = false) String user) {
        String territory = territories.resolve(r.territory());
        if (!territories.serves(territory)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "territory-served", "territory",
                    "this instance records pathways of " + territories.all() + ", not " + territory);
        }
        String pathwayId = UUID.randomUUID().toString();
        participantPathways.add(r.participantId(), pathwayId); // before hiring: an audit must never miss a pathway
        openPathways.claim(r.participantId(), pathwayId, queries::isOpen).ifPresent(blocking -> {
            throw ApiException.conflict("one-open-pathway",
                    "participant " + r.participantId() + " already has an open pathway " + blocking);
        });
        send(pathwayId, new HireParticipant(pathwayId, r.contractStart(), r.participantId(), territory, r.aciId(),
                r.programme(), r.plannedEnd(), r.weeklyHours(), Boolean.TRUE.equals(r.hoursDerogation())), user);
        return ResponseEntity.created(URI.create("/api/pathways/" + pathwayId)).body(queries.current(pathwayId));
    }

    @PostMapping("/{id}/weekly-hours")
    @Operation(summary = "Change weekly hours (PHC ramp-up)")
    PathwayView weeklyHours(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.WeeklyHours r,
                            @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new ChangeWeeklyHours(id, r.effectiveDate(), r.weeklyHours()), user);
    }

    @PostMapping("/{id}/transition")
    @Operation(summary = "Move a PHC pathway to a Convergence (CVG) contract")
    PathwayView transition(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Transition r,
                           @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new TransitionToConvergence(id, r.date(), r.plannedEnd(), r.weeklyHours(), Boolean.TRUE.equals(r.hoursDerogation())), user);
    }

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Extend the pathway (each decision ≤ 12 months, total ≤ 60 months)")
    PathwayView extend(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Extension r,
                       @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new ExtendPathway(id, r.decisionDate(), r.newPlannedEnd(), r.reason(), r.decisionReference()), user);
    }

    @PostMapping("/{id}/barriers")
    @Operation(summary = "Assess or re-assess a barrier")
    PathwayView assessBarrier(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Barrier r,
                              @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new AssessBarrier(id, r.date(), r.domain(), r.intensity(), r.handling()), user);
    }

    @PostMapping("/{id}/barriers/{domain}/lift")
    @Operation(summary = "Lift an open barrier")
    PathwayView liftBarrier(@PathVariable @Pattern(regexp = ID) String id,
                            @PathVariable fr.convergence.pathway.domain.BarrierDomain domain,
                            @Valid @RequestBody Requests.Dated r,
                            @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new LiftBarrier(id, r.date(), domain), user);
    }

    @PostMapping("/{id}/housing")
    @Operation(summary = "Record housing or shelter secured")
    PathwayView housing(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Housing r,
                        @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new RecordHousing(id, r.date(), r.kind()), user);
    }

    @PostMapping("/{id}/health-care")
    @Operation(summary = "Record access to health care (no detail is stored)")
    PathwayView healthCare(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Dated r,
                           @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new RecordHealthCareAccess(id, r.date()), user);
    }

    @PostMapping("/{id}/rights")
    @Operation(summary = "Record a right opened")
    PathwayView rights(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Right r,
                       @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new RecordRightsOpened(id, r.date(), r.right()), user);
    }

    @PostMapping("/{id}/trainings")
    @Operation(summary = "Start a training")
    PathwayView startTraining(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Training r,
                              @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new StartTraining(id, r.date(), r.trainingId(), Boolean.TRUE.equals(r.qualifying())), user);
    }

    @PostMapping("/{id}/trainings/{trainingId}/completion")
    @Operation(summary = "Complete a training")
    PathwayView completeTraining(@PathVariable @Pattern(regexp = ID) String id,
                                 @PathVariable @Pattern(regexp = ID) String trainingId,
                                 @Valid @RequestBody Requests.TrainingCompletion r,
                                 @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new CompleteTraining(id, r.date(), trainingId, Boolean.TRUE.equals(r.certified())), user);
    }

    @PostMapping("/{id}/immersions")
    @Operation(summary = "Record a work immersion")
    PathwayView immersion(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Immersion r,
                          @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new RecordImmersion(id, r.date(), r.days()), user);
    }

    @PostMapping("/{id}/monthly-hours")
    @Operation(summary = "Report the hours worked in a month (a new report of the same month corrects it)")
    PathwayView monthlyHours(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.MonthlyHours r,
                             @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new ReportMonthlyHours(id, r.month(), r.hours()), user);
    }

    @PostMapping("/{id}/exit")
    @Operation(summary = "Exit the pathway with a reason of the exit-reason table")
    PathwayView exit(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Exit r,
                     @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new ExitPathway(id, r.date(), r.reason()), user);
    }

    @PostMapping("/{id}/follow-up/start")
    @Operation(summary = "Start post-exit follow-up (within 12 months of the exit)")
    PathwayView startFollowUp(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Dated r,
                              @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new StartFollowUp(id, r.date()), user);
    }

    @PostMapping("/{id}/follow-up/end")
    @Operation(summary = "End post-exit follow-up")
    PathwayView endFollowUp(@PathVariable @Pattern(regexp = ID) String id, @Valid @RequestBody Requests.Dated r,
                            @RequestHeader(value = "X-User-Id", required = false) String user) {
        return send(id, new EndFollowUp(id, r.date()), user);
    }

    private PathwayView send(String pathwayId, Object command, String user) {
        String type = command.getClass().getSimpleName();
        try {
            commands.sendAndWait(command, MetaData.with("correlationId", Correlation.current())
                    .and("recordedBy", user == null || !user.matches(ID) ? "anonymous" : user));
        } catch (RuntimeException rejected) {
            meters.counter("convergence.commands", "type", type, "outcome", "rejected",
                    "rule", PathwayErrors.translated(rejected).rule()).increment();
            throw rejected;
        }
        meters.counter("convergence.commands", "type", type, "outcome", "accepted", "rule", "none").increment();
        return queries.current(pathwayId);
    }
}
