package fr.convergence.workspace.web;

import java.util.Map;

/**
 * One input of a form, described once and rendered by the DSFR fragment of its kind (fragments/dsfr/input.html,
 * select.html, checkbox.html).
 *
 * @param name     the form parameter, and the API's field name (so a refusal naming it lands next to it)
 * @param label    the visible French label
 * @param hint     a French hint under the label, or null
 * @param kind     what input to render and how to convert the typed value for the API
 * @param options  code → French label, for selects
 * @param required an empty value is refused before calling the service
 */
public record Field(String name, String label, String hint, Kind kind, Map<String, String> options, boolean required) {

    public enum Kind { TEXT, DATE, MONTH, NUMBER, INTEGER, SELECT, CHECKBOX, EMAIL, TEL, TEXTAREA }

    public static Field text(String name, String label, String hint, boolean required) {
        return new Field(name, label, hint, Kind.TEXT, Map.of(), required);
    }

    public static Field date(String name, String label) {
        return new Field(name, label, "Format attendu : JJ/MM/AAAA", Kind.DATE, Map.of(), true);
    }

    public static Field month(String name, String label) {
        return new Field(name, label, "Format attendu : MM/AAAA, par exemple 03/2026", Kind.MONTH, Map.of(), true);
    }

    public static Field number(String name, String label, String hint) {
        return new Field(name, label, hint, Kind.NUMBER, Map.of(), true);
    }

    public static Field integer(String name, String label, String hint) {
        return new Field(name, label, hint, Kind.INTEGER, Map.of(), true);
    }

    public static Field select(String name, String label, Map<String, String> options) {
        return new Field(name, label, null, Kind.SELECT, options, true);
    }

    public static Field checkbox(String name, String label, String hint) {
        return new Field(name, label, hint, Kind.CHECKBOX, Map.of(), false);
    }

    /** The HTML input type. */
    public String inputType() {
        return switch (kind) {
                        case EMAIL -> "email";
            case TEL -> "tel";
            case NUMBER, INTEGER -> "text";
            default -> "text";
        };
    }

    /** Numbers are typed as text with a decimal keyboard: French users type a comma, which type=number refuses. */
    public String inputMode() {
        return switch (kind) {
            case NUMBER -> "decimal";
            case INTEGER -> "numeric";
            default -> null;
        };
    }

    public String autocomplete() {
        return switch (name) {
            case "firstName" -> "given-name";
            case "lastName" -> "family-name";
            case "birthDate" -> "bday";
            case "phone" -> "tel";
            case "email" -> "email";
            case "address" -> "street-address";
            default -> "off";
        };
    }
}
