package fr.convergence.participant.reference;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static fr.convergence.participant.reference.ReferenceRequests.TERRITORY_CODE;

/**
 * Territories and ACI (reference data). Reads are open to every role (they hold no personal data and every
 * screen needs them); changes are the administrator's only, and each is published as an integration event on the
 * territory's participant topic.
 */
@RestController
@RequestMapping("/api/participants/territories")
@Validated
@Tag(name = "reference data")
class ReferenceController {

    private static final String ACI_ID = "[a-z0-9-]{2,64}";
    private static final String EVERY_ROLE =
            "hasAnyRole('CIP','PARTNERSHIP_OFFICER','COORDINATOR','NATIONAL_ANALYST','AUDITOR','ADMIN')";
    private static final String ADMIN = "hasRole('ADMIN')";

    private final ReferenceService reference;

    ReferenceController(ReferenceService reference) {
        this.reference = reference;
    }

    @GetMapping
    @PreAuthorize(EVERY_ROLE)
    @Operation(summary = "All territories with their ACI")
    List<TerritoryView> all() {
        return reference.all().stream().map(TerritoryView::of).toList();
    }

    @GetMapping("/{code}")
    @PreAuthorize(EVERY_ROLE)
    @Operation(summary = "One territory with its ACI")
    TerritoryView one(@PathVariable @Pattern(regexp = TERRITORY_CODE) String code) {
        return reference.find(code).map(TerritoryView::of).orElseThrow(() -> ApiException.notFound("territory", code));
    }

    @PostMapping
    @PreAuthorize(ADMIN)
    @Operation(summary = "Add a territory joining the programme (TerritoryCreated)")
    ResponseEntity<TerritoryView> create(@Valid @RequestBody ReferenceRequests.CreateTerritory r, Caller caller) {
        TerritoryView view = TerritoryView.of(reference.createTerritory(r.code(), r.name(), caller.userId()));
        return ResponseEntity.created(URI.create("/api/participants/territories/" + r.code())).body(view);
    }

    @PutMapping("/{code}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Rename a territory (TerritoryChanged)")
    TerritoryView change(@PathVariable @Pattern(regexp = TERRITORY_CODE) String code,
                         @Valid @RequestBody ReferenceRequests.ChangeTerritory r, Caller caller) {
        return TerritoryView.of(reference.rename(code, r.name(), caller.userId()));
    }

    @PostMapping("/{code}/acis")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Add an ACI to a territory; its id is generated (AciCreated)")
    ResponseEntity<TerritoryView.AciView> addAci(@PathVariable @Pattern(regexp = TERRITORY_CODE) String code,
                                                 @Valid @RequestBody ReferenceRequests.AciDetails r, Caller caller) {
        ReferenceStore.Versioned after = reference.addAci(code, r.name(), r.siret(), r.programmes(),
                r.localCoordination(), r.joinedOn(), r.leftOn(), r.contact(), caller.userId());
        var acis = after.territory().acis();
        TerritoryView.AciView created = TerritoryView.AciView.of(acis.get(acis.size() - 1));
        return ResponseEntity.created(URI.create("/api/participants/territories/" + code + "/acis/" + created.id()))
                .body(created);
    }

    @GetMapping("/{code}/acis/{aciId}")
    @PreAuthorize(EVERY_ROLE)
    @Operation(summary = "One ACI")
    TerritoryView.AciView aci(@PathVariable @Pattern(regexp = TERRITORY_CODE) String code,
                              @PathVariable @Pattern(regexp = ACI_ID) String aciId) {
        return reference.aci(code, aciId).map(TerritoryView.AciView::of)
                .orElseThrow(() -> ApiException.notFound("ACI", aciId));
    }

    @PutMapping("/{code}/acis/{aciId}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Change an ACI: name, SIRET, programmes, local coordination, programme dates, contact (AciChanged)")
    TerritoryView.AciView changeAci(@PathVariable @Pattern(regexp = TERRITORY_CODE) String code,
                                    @PathVariable @Pattern(regexp = ACI_ID) String aciId,
                                    @Valid @RequestBody ReferenceRequests.AciDetails r, Caller caller) {
        ReferenceStore.Versioned after = reference.changeAci(code, aciId, r.name(), r.siret(), r.programmes(),
                r.localCoordination(), r.joinedOn(), r.leftOn(), r.contact(), caller.userId());
        return after.territory().aci(aciId).map(TerritoryView.AciView::of).orElseThrow();
    }
}
