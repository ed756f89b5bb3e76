package fr.convergence.reporting.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.Role;
import fr.convergence.kit.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Which figures a caller may read. Territory codes and ACI ids are public reference data, so a scope the caller
 * does not work in is refused with 403 (nothing to hide), unlike personal objects elsewhere. The rules read the
 * role and the token's territory/ACI together: a territorial role whose token lacks its territory (or a CIP
 * without an ACI) sees nothing rather than everything.
 *
 * <ul>
 * <li>national view, territory list, national exports: national-analyst and auditor without a territory claim;</li>
 * <li>a territory's view: those, plus coordinator and partnership-officer of that territory (and a territorial
 * auditor or analyst);</li>
 * <li>an ACI's view: national callers, coordinators (and territorial auditors or analysts) of its territory,
 * the CIP of that very ACI;</li>
 * <li>a territory's exports: national callers and the coordinator (or territorial auditor or analyst) of it;</li>
 * <li>closing a period (frozen report, issue 19): the national analyst for any scope, the coordinator for their
 * territory and its ACIs; the auditor only reads (they check reports, they do not issue them). A frozen report is
 * read by whoever may read the same scope's live figures.</li>
 * </ul>
 */
public final class ReportingAccess {

    private ReportingAccess() {
    }

    /** National analyst or auditor, as the token says (not for want of a territory claim): every territory. */
    public static boolean national(Caller caller) {
        return caller.is(Role.NATIONAL_ANALYST, Role.AUDITOR) && caller.national();
    }

    public static boolean territory(Caller caller, String code) {
        return national(caller) || (caller.is(Role.NATIONAL_ANALYST, Role.AUDITOR, Role.COORDINATOR,
                Role.PARTNERSHIP_OFFICER) && ownTerritory(caller, code));
    }

    public static boolean aci(Caller caller, String code, String aciId) {
        if (caller.is(Role.CIP)) {
            return caller.seesAci(code, aciId);   // their own ACI, and no ACI at all for staff listed in several territories
        }
        return national(caller)
                || (caller.is(Role.NATIONAL_ANALYST, Role.AUDITOR, Role.COORDINATOR) && ownTerritory(caller, code));
    }

    /** Exports of one territory ({@code code}), or national ones when {@code code} is null. */
    public static boolean export(Caller caller, String code) {
        if (code == null) {
            return national(caller);
        }
        return national(caller)
                || (caller.is(Role.NATIONAL_ANALYST, Role.AUDITOR, Role.COORDINATOR) && ownTerritory(caller, code));
    }

    /**
     * Whether the caller's figures below territory level hide small counts: the national team's and evaluators'
     * always, whatever their scope — a project lead following three territories (issue 19 item 6) is still the
     * national team — and no one else's (a coordinator reads their own ACIs as they are).
     */
    public static boolean smallCountsHidden(Caller caller) {
        return national(caller) || caller.is(Role.NATIONAL_ANALYST, Role.EVALUATOR);
    }

    /** May close a period (issue a frozen report) for this scope; {@code code} null is national. */
    public static boolean close(Caller caller, String code) {
        boolean nationalAnalyst = caller.is(Role.NATIONAL_ANALYST) && caller.national();
        if (code == null) {
            return nationalAnalyst;
        }
        return nationalAnalyst || (caller.is(Role.COORDINATOR) && ownTerritory(caller, code));
    }

    public static void requireClose(Caller caller, String code, String aciId) {
        if (!close(caller, code)) {
            throw code == null
                    ? new ApiException(HttpStatus.FORBIDDEN, "national-scope-required", "territory",
                            "only the national team closes national periods")
                    : new ApiException(HttpStatus.FORBIDDEN, "territory-not-yours", "territory",
                            "you may not close periods of territory " + code);
        }
    }

    /** Reads the figures of a scope: national (code null), a territory (aciId null) or an ACI. */
    public static void requireScope(Caller caller, String code, String aciId) {
        if (code == null) {
            requireNational(caller);
        } else if (aciId == null) {
            requireTerritory(caller, code, "territory");
        } else {
            requireAci(caller, code, aciId);
        }
    }

    public static boolean scope(Caller caller, String code, String aciId) {
        return code == null ? national(caller) : aciId == null ? territory(caller, code) : aci(caller, code, aciId);
    }

    public static void requireNational(Caller caller) {
        if (!national(caller)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "national-scope-required", null,
                    "the national figures are for the national team; ask for your territory's");
        }
    }

    public static void requireTerritory(Caller caller, String code, String field) {
        if (!territory(caller, code)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "territory-not-yours", field,
                    "you may not read the figures of territory " + code);
        }
    }

    public static void requireAci(Caller caller, String code, String aciId) {
        if (!aci(caller, code, aciId)) {
            boolean territoryOk = caller.is(Role.CIP) ? ownTerritory(caller, code) : territory(caller, code);
            throw territoryOk
                    ? new ApiException(HttpStatus.FORBIDDEN, "aci-not-yours", "aciId",
                            "you may not read the figures of ACI " + aciId)
                    : new ApiException(HttpStatus.FORBIDDEN, "territory-not-yours", "code",
                            "you may not read the figures of territory " + code);
        }
    }

    public static void requireExport(Caller caller, String code) {
        if (code == null) {
            requireNational(caller);
        } else if (!export(caller, code)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "territory-not-yours", "territory",
                    "you may not export the figures of territory " + code);
        }
    }

    /** What the caller may view, for the dashboard to choose what to show. */
    public static ReportingScope scope(Caller caller) {
        boolean national = national(caller);
        String territory = national ? null : caller.territory();
        // a portfolio's territories whose figures the role may read (empty for national callers: they see all)
        List<String> territories = national ? List.of()
                : caller.territories().stream().filter(t -> territory(caller, t)).toList();
        String aci = caller.is(Role.CIP) ? caller.aciId() : null;
        List<String> views = new ArrayList<>(List.of(ReportingScope.INDICATORS));
        if (national) {
            views.addAll(List.of(ReportingScope.NATIONAL, ReportingScope.TERRITORIES, ReportingScope.TERRITORY,
                    ReportingScope.ACI, ReportingScope.EXPORTS));
        } else if (!territories.isEmpty()) {
            views.add(ReportingScope.TERRITORY);
            if (!caller.is(Role.PARTNERSHIP_OFFICER)) {
                views.add(ReportingScope.ACI);
            }
            if (territories.stream().allMatch(t -> export(caller, t))) {
                views.add(ReportingScope.EXPORTS);
            }
        } else if (territory != null && aci != null && aci(caller, territory, aci)) {
            views.add(ReportingScope.ACI);
        }
        if (caller.is(Role.ADMIN)) {
            views.add(ReportingScope.OPERATIONS);
        }
        return new ReportingScope(caller.role().claim(), national, territory, territories, aci, List.copyOf(views));
    }

    /** One of the territories the caller works in (one, or several for a portfolio; none for a national role). */
    private static boolean ownTerritory(Caller caller, String code) {
        return code != null && caller.territories().contains(code);
    }
}
