package fr.convergence.bench;

import java.util.Locale;

final class Fmt {
    private Fmt() {
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v < 10 ? String.format(Locale.ROOT, "%.2f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String rate(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return (v < 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v)) + " " + unit;
    }

    static String num(double v) {
        return v < 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String ratio(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f×" : "%.0f×", v);
    }
}
