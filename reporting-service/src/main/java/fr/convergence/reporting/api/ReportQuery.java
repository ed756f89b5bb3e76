package fr.convergence.reporting.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.reporting.indicators.Filter;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns request parameters into a {@link Filter}, naming the offending field in the 400 when one is wrong.
 * Shared by the views and the exports so that both accept exactly the same parameters.
 */
public final class ReportQuery {

    private static final Set<String> PROGRAMMES = Set.of("PHC", "CVG");

    private ReportQuery() {
    }

    public static Filter parse(String territory, String aciId, String from, String to, String programme) {
        YearMonth fromMonth = month("from", from);
        YearMonth toMonth = month("to", to);
        if (fromMonth != null && toMonth != null && fromMonth.isAfter(toMonth)) {
            throw ApiException.badRequest("to", "'to' (" + toMonth + ") is before 'from' (" + fromMonth + ")");
        }
        String prog = null;
        if (programme != null && !programme.isBlank()) {
            prog = programme.trim().toUpperCase(Locale.ROOT);
            if (!PROGRAMMES.contains(prog)) {
                throw ApiException.badRequest("programme", "programme must be PHC or CVG, not '" + programme + "'");
            }
        }
        return new Filter(territory == null ? null : territory(territory), aciId == null ? null : aci(aciId),
                prog, fromMonth, toMonth);
    }

    public static String territory(String code) {
        return territory(code, "code");
    }

    public static String territory(String code, String field) {
        if (code == null || !code.matches("[a-z0-9-]{2,40}")) {
            throw ApiException.badRequest(field, "territory code must match [a-z0-9-]{2,40}");
        }
        return code;
    }

    private static String aci(String aciId) {
        if (aciId.isBlank() || aciId.length() > 80 || !aciId.matches("[A-Za-z0-9._-]+")) {
            throw ApiException.badRequest("aciId", "ACI id must be 1–80 characters of [A-Za-z0-9._-]");
        }
        return aciId;
    }

    private static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", value, 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "'" + field + "' must be a month yyyy-MM, not '" + value + "'");
        }
    }
}
