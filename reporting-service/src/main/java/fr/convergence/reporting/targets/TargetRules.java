package fr.convergence.reporting.targets;

import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.indicators.Indicator;
import fr.convergence.reporting.indicators.IndicatorValues;
import fr.convergence.reporting.indicators.Labels;
import fr.convergence.reporting.indicators.Target;
import org.springframework.http.HttpStatus;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The rules a target must keep (issue 19 item 2), checked all before anything is stored, so that a refused request
 * changes nothing. Each refusal is a 400 problem+json naming the {@code field} and the {@code rule}.
 */
public final class TargetRules {

    static final int MAX_TEXT = 120;
    /** The longest agreement the programme signs (a pathway lasts up to 5 years; an agreement a few). */
    static final int MAX_MONTHS = 120;
    private static final Set<String> PROGRAMMES = Set.of("PHC", "CVG");

    private TargetRules() {
    }

    /**
     * @param knownScope whether (territory, aciId) names a territory, or an ACI of that territory, reporting knows
     */
    public static Target check(String id, TargetRequest r, BiPredicate<String, String> knownScope) {
        if (id == null || !id.matches("[a-z0-9-]{2,64}")) {
            throw refused("id", "bad-id", "a target id is 2 to 64 characters of a-z, 0-9 and '-'");
        }
        if (r == null) {
            throw refused("body", "missing-body", "a target needs a JSON body");
        }
        String kind = r.funderKind() == null ? null : r.funderKind().trim().toUpperCase(Locale.ROOT);
        if (kind == null || !Labels.FUNDERS.containsKey(kind)) {
            throw refused("funderKind", "unknown-funder", "funderKind must be one of " + Labels.FUNDERS.keySet());
        }
        String funderName = text("funderName", r.funderName(), true);
        String agreement = text("agreement", r.agreement(), true);
        String territory = blankToNull(r.territory());
        String aciId = blankToNull(r.aciId());
        if (territory != null && !territory.matches("[a-z0-9-]{2,40}")) {
            throw refused("territory", "unknown-scope", "territory code must match [a-z0-9-]{2,40}");
        }
        if (aciId != null && territory == null) {
            throw refused("aciId", "unknown-scope", "an ACI target needs its territory");
        }
        if (aciId != null && !aciId.matches("[A-Za-z0-9._-]{1,80}")) {
            throw refused("aciId", "unknown-scope", "ACI id must be 1–80 characters of [A-Za-z0-9._-]");
        }
        if (territory != null && !knownScope.test(territory, aciId)) {
            throw aciId == null
                    ? refused("territory", "unknown-scope", "no territory " + territory + " in the reference data")
                    : refused("aciId", "unknown-scope", "no ACI " + aciId + " in territory " + territory);
        }
        String programme = blankToNull(r.programme());
        if (programme != null && !PROGRAMMES.contains(programme)) {
            throw refused("programme", "unknown-programme", "programme must be PHC, CVG or absent (both)");
        }
        YearMonth from = month("from", r.from());
        YearMonth to = month("to", r.to());
        if (to.isBefore(from)) {
            throw refused("to", "bad-period", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw refused("to", "bad-period", "an agreement lasts at most " + MAX_MONTHS + " months");
        }
        Indicator indicator = r.indicator() == null ? null : IndicatorValues.byId(r.indicator()).orElse(null);
        if (indicator == null) {
            throw refused("indicator", "unknown-indicator", "indicator must be the id of a single-valued indicator "
                    + "of GET /api/reporting/indicators (not a breakdown), not '" + r.indicator() + "'");
        }
        Double target = r.target();
        if (target == null || target.isNaN() || target.isInfinite()) {
            throw refused("target", "missing-target", "target must be a number");
        }
        if (target < 0) {
            throw refused("target", "negative-target", "a target cannot be negative");
        }
        if (IndicatorValues.SHARES.contains(indicator) && target > 1) {
            throw refused("target", "share-above-one", indicator.id() + " is a share: its target is between 0 and 1");
        }
        if (target > 10_000_000) {
            throw refused("target", "target-too-large", "a target is at most 10,000,000");
        }
        return new Target(id, kind, funderName, agreement, territory, aciId, programme, from.toString(), to.toString(),
                indicator.id(), target);
    }

    private static ApiException refused(String field, String rule, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, rule, field, detail);
    }

    private static String text(String field, String value, boolean required) {
        String v = blankToNull(value);
        if (v == null) {
            if (required) {
                throw refused(field, "missing-" + field, field + " is required");
            }
            return null;
        }
        if (v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl)) {
            throw refused(field, "bad-text", field + ": at most " + MAX_TEXT + " characters, no control character");
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static YearMonth month(String field, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            throw refused(field, "bad-period", "'" + field + "' must be a month yyyy-MM");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw refused(field, "bad-period", "'" + field + "' must be a month yyyy-MM");
        }
    }
}
