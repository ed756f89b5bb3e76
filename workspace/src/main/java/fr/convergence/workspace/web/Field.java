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

    /**
     * SELECT_INTEGER: a choice whose codes are numbers, sent as a number (an event's position in its stream);
     * CHECKBOXES: several codes ticked in one fieldset, sent as an array; CONFIRM: a box that must be ticked
     * before anything is sent, and is not sent itself.
     */
    public enum Kind { TEXT, DATE, MONTH, NUMBER, INTEGER, SELECT, SELECT_INTEGER, CHECKBOX, CHECKBOXES, CONFIRM, EMAIL, TEL, TEXTAREA }

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

    /** A choice among numbered items (their labels shown), sent as the number. */
    public static Field numberedSelect(String name, String label, String hint) {
        return new Field(name, label, hint, Kind.SELECT_INTEGER, Map.of(), true);
    }

    public static Field checkbox(String name, String label, String hint) {
        return new Field(name, label, hint, Kind.CHECKBOX, Map.of(), false);
    }

    /** A choice that may be left empty (then left out of the body). */
    public static Field optionalSelect(String name, String label, String hint, Map<String, String> options) {
        return new Field(name, label, hint, Kind.SELECT, options, false);
    }

    /** Several codes to tick in one fieldset (legend = label), sent as an array; none ticked = an empty array. */
    public static Field checkboxes(String name, String label, String hint, Map<String, String> options, boolean required) {
        return new Field(name, label, hint, Kind.CHECKBOXES, options, required);
    }

    /** A box to tick before a step that cannot be undone lightly; checked here, never sent. */
    public static Field confirm(String name, String label) {
        return new Field(name, label, null, Kind.CONFIRM, Map.of(), true);
    }

    /** The same field offering other choices (those the pathway allows). */
    public Field withOptions(Map<String, String> choices) {
        return new Field(name, label, hint, kind, choices, required);
    }

    /** The same field, required or not. */
    public Field withRequired(boolean mandatory) {
        return new Field(name, label, hint, kind, options, mandatory);
    }

    /** Rendered by the select fragment. */
    public boolean isSelect() {
        return kind == Kind.SELECT || kind == Kind.SELECT_INTEGER;
    }

    /** Rendered by the single checkbox fragment. */
    public boolean isCheckbox() {
        return kind == Kind.CHECKBOX || kind == Kind.CONFIRM;
    }

    public boolean isCheckboxes() {
        return kind == Kind.CHECKBOXES;
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
