package fr.convergence.reporting.frozen;

import fr.convergence.kit.web.ApiException;
import org.springframework.http.HttpStatus;

import java.time.YearMonth;

/**
 * A period that can be closed: a month ({@code 2026-03}), a quarter ({@code 2026-Q1}) or a year ({@code 2026}).
 * Its code is part of a frozen report's key, so one period has exactly one spelling.
 */
public record Period(String code, String kind, YearMonth from, YearMonth to) {

    public static Period parse(String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.badRequest("period", "period is required: yyyy-MM, yyyy-Qn or yyyy");
        }
        if (code.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            YearMonth month = YearMonth.parse(code);
            return new Period(code, "MONTH", month, month);
        }
        if (code.matches("\\d{4}-Q[1-4]")) {
            int year = Integer.parseInt(code.substring(0, 4));
            int quarter = code.charAt(6) - '0';
            YearMonth first = YearMonth.of(year, 3 * quarter - 2);
            return new Period(code, "QUARTER", first, first.plusMonths(2));
        }
        if (code.matches("\\d{4}")) {
            int year = Integer.parseInt(code);
            return new Period(code, "YEAR", YearMonth.of(year, 1), YearMonth.of(year, 12));
        }
        throw ApiException.badRequest("period", "period must be a month yyyy-MM, a quarter yyyy-Qn or a year yyyy");
    }

    /** A period still running would be frozen half-way: its figures are closed only once its last month is over. */
    public void requireEnded(YearMonth currentMonth) {
        if (!to.isBefore(currentMonth)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "period-not-ended", "period",
                    "period " + code + " ends with " + to + ": it can be closed from " + to.plusMonths(1));
        }
    }

    /** French label for pages and exports. */
    public String label() {
        return switch (kind) {
            case "MONTH" -> "Mois " + code;
            case "QUARTER" -> "Trimestre " + code.substring(6) + " " + code.substring(0, 4);
            default -> "Année " + code;
        };
    }
}
