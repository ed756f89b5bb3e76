package fr.convergence.workspace.caseload;

import java.util.Comparator;
import java.util.Locale;
import java.text.Collator;

/**
 * The caseload page's filters, sort and page, as they come from the query string (so a filtered view is a link
 * that can be bookmarked, and works without JavaScript).
 */
public record CaseloadQuery(String programme, String status, String referent, String q, String sort, String order,
                            int page) {

    public static final int PAGE_SIZE = 20;
    private static final Collator FRENCH = Collator.getInstance(Locale.FRENCH);

    public CaseloadQuery {
        programme = blankToNull(programme);
        status = blankToNull(status);
        referent = blankToNull(referent);
        q = blankToNull(q);
        sort = sort == null || !java.util.Set.of("nom", "programme", "heures", "mois", "referent", "statut").contains(sort)
                ? "nom" : sort;
        order = "desc".equals(order) ? "desc" : "asc";
        page = Math.max(page, 1);
    }

    public boolean matches(CaseloadRow row) {
        return (programme == null || programme.equals(row.programme()))
                && (status == null || status.equals(row.status()))
                && (referent == null || referent.equals(row.referentId()))
                && (q == null || normalise(row.name()).contains(normalise(q)));
    }

    public Comparator<CaseloadRow> comparator() {
        Comparator<CaseloadRow> byName = Comparator.comparing(CaseloadRow::sortName, FRENCH);
        Comparator<CaseloadRow> c = switch (sort) {
            case "programme" -> Comparator.comparing(r -> r.programme() == null ? "" : r.programme());
            case "heures" -> Comparator.comparing(r -> r.weeklyHours() == null ? -1.0 : r.weeklyHours());
            case "mois" -> Comparator.comparing(r -> r.monthsInPathway() == null ? -1 : r.monthsInPathway());
            case "referent" -> Comparator.comparing(r -> r.referentId() == null ? "" : r.referentId());
            case "statut" -> Comparator.comparing(CaseloadRow::status);
            default -> byName;
        };
        c = "desc".equals(order) ? c.reversed() : c;
        return c.thenComparing(byName);
    }

    /** The query string of this view with one parameter changed (links of sort headers and pagination). */
    public String with(String key, String value) {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("programme", programme);
        p.put("statut", status);
        p.put("referent", referent);
        p.put("q", q);
        p.put("tri", sort);
        p.put("ordre", order);
        p.put("page", String.valueOf(page));
        p.put(key, value);
        StringBuilder s = new StringBuilder("/espace/salaries");
        String sep = "?";
        for (var e : p.entrySet()) {
            if (e.getValue() != null && !e.getValue().isEmpty()) {
                s.append(sep).append(e.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        return s.toString();
    }

    /** The link of a sortable header: ascending first, then flips. Resets to page 1. */
    public String sortLink(String column) {
        String next = column.equals(sort) && "asc".equals(order) ? "desc" : "asc";
        return new CaseloadQuery(programme, status, referent, q, column, next, 1).with("page", "1");
    }

    /** aria-sort of a header: the column sorted on says which way; the others say nothing. */
    public String ariaSort(String column) {
        return column.equals(sort) ? ("asc".equals(order) ? "ascending" : "descending") : null;
    }

    private static String normalise(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.FRENCH);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
