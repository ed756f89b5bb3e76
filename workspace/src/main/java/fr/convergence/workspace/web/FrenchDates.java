package fr.convergence.workspace.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates as French staff type and read them: 12/03/2025 (the ISO form is accepted too, as a browser's autofill may
 * give it). The programme's calendar is Europe/Paris's.
 */
public final class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FrenchDates() {
    }

    public static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /** 12/03/2025, 1/3/2025 or 2025-03-12; null when it is not a calendar date. */
    public static LocalDate parseDate(String raw) {
        String s = raw.trim();
        try {
            if (s.contains("/")) {
                String[] p = s.split("/");
                if (p.length != 3) {
                    return null;
                }
                return LocalDate.parse(pad(p[0]) + "/" + pad(p[1]) + "/" + p[2], DAY);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 03/2026 or 2026-03 → "2026-03" (the API's form); null otherwise. */
    public static String parseMonth(String raw) {
        String s = raw.trim();
        try {
            if (s.contains("/")) {
                String[] p = s.split("/");
                return p.length != 2 ? null : YearMonth.parse(pad(p[0]) + "/" + p[1], MONTH).toString();
            }
            return YearMonth.parse(s).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String format(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }

    /** "2026-03" → "03/2026". */
    public static String formatMonth(String month) {
        try {
            return YearMonth.parse(month).format(MONTH);
        } catch (DateTimeParseException | NullPointerException e) {
            return month == null ? "" : month;
        }
    }

    private static String pad(String part) {
        return part.length() == 1 ? "0" + part : part;
    }
}
