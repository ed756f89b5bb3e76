package fr.convergence.workspace.web;

import fr.convergence.workspace.services.ServiceProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rendering of a form holds: its idempotency key and CSRF token, the values as typed (kept on refusal) and
 * the errors, by field, in French. Converts typed values to the API's JSON types and maps a service's refusal onto
 * the fields it names.
 */
public final class FormState {

    private final List<Field> fields;
    private final String formKey;
    private final String csrf;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> generalErrors = new ArrayList<>();

    public FormState(List<Field> fields, String formKey, String csrf, Map<String, String> typed) {
        this.fields = List.copyOf(fields);
        this.formKey = formKey;
        this.csrf = csrf;
        for (Field f : fields) {
            String v = typed.get(f.name());
            values.put(f.name(), v == null ? "" : v);
        }
    }

    public List<Field> fields() {
        return fields;
    }

    public String formKey() {
        return formKey;
    }

    public String csrf() {
        return csrf;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        String v = values.get(field);
        return "true".equals(v) || "on".equals(v);
    }

    /** One box of a CHECKBOXES field: its ticked codes are kept comma-separated (codes hold no comma). */
    public boolean checked(String field, String code) {
        return ticked(field).contains(code);
    }

    private List<String> ticked(String field) {
        String v = values.getOrDefault(field, "");
        return v.isBlank() ? List.of() : java.util.Arrays.stream(v.split(",")).map(String::trim)
                .filter(c -> !c.isEmpty()).toList();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public Map<String, String> errors() {
        return errors;
    }

    public List<String> generalErrors() {
        return generalErrors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !generalErrors.isEmpty();
    }

    public String labelOf(String field) {
        return fields.stream().filter(f -> f.name().equals(field)).map(Field::label).findFirst().orElse(field);
    }

    /**
     * The typed values as the API's JSON body: numbers as numbers, checkboxes as booleans, empty optional fields
     * left out. Records a French error per field that cannot be converted; the body is then not to be sent.
     */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field f : fields) {
            String raw = values.get(f.name()).trim();
            if (f.kind() == Field.Kind.CHECKBOX) {
                body.put(f.name(), checked(f.name()));
                continue;
            }
            if (f.kind() == Field.Kind.CONFIRM) {
                if (!checked(f.name())) {
                    errors.put(f.name(), "Cochez la case pour confirmer.");
                }
                continue;
            }
            if (f.kind() == Field.Kind.CHECKBOXES) {
                List<String> codes = ticked(f.name());
                if (!f.options().keySet().containsAll(codes)) {
                    errors.put(f.name(), "Choisissez des valeurs de la liste.");
                } else if (codes.isEmpty() && f.required()) {
                    errors.put(f.name(), "Cochez au moins une case.");
                } else {
                    body.put(f.name(), codes);
                }
                continue;
            }
            if (raw.isEmpty()) {
                if (f.required()) {
                    errors.put(f.name(), "Ce champ est obligatoire.");
                }
                continue;
            }
            switch (f.kind()) {
                case NUMBER -> parseNumber(f, raw).ifPresent(n -> body.put(f.name(), n));
                case INTEGER -> parseNumber(f, raw).ifPresent(n -> {
                    if (n != Math.rint(n)) {
                        errors.put(f.name(), "Indiquez un nombre entier.");
                    } else {
                        body.put(f.name(), (int) n.doubleValue());
                    }
                });
                case DATE -> {
                    LocalDate date = FrenchDates.parseDate(raw);
                    if (date == null) {
                        errors.put(f.name(), "Indiquez une date valide, au format JJ/MM/AAAA.");
                    } else {
                        body.put(f.name(), date.toString());
                    }
                }
                case MONTH -> {
                    String month = FrenchDates.parseMonth(raw);
                    if (month == null) {
                        errors.put(f.name(), "Indiquez un mois valide, au format MM/AAAA.");
                    } else {
                        body.put(f.name(), month);
                    }
                }
                case SELECT -> {
                    if (!f.options().containsKey(raw)) {
                        errors.put(f.name(), "Choisissez une valeur de la liste.");
                    } else {
                        body.put(f.name(), raw);
                    }
                }
                case SELECT_INTEGER -> {
                    if (!f.options().containsKey(raw) || !raw.matches("\\d{1,18}")) {
                        errors.put(f.name(), "Choisissez une valeur de la liste.");
                    } else {
                        body.put(f.name(), Long.parseLong(raw));
                    }
                }
                default -> body.put(f.name(), raw);
            }
        }
        return body;
    }

    private java.util.Optional<Double> parseNumber(Field f, String raw) {
        try {
            // French users type 24,5; the API wants 24.5
            return java.util.Optional.of(Double.parseDouble(raw.replace(',', '.').replace(" ", "")));
        } catch (NumberFormatException e) {
            errors.put(f.name(), "Indiquez un nombre, par exemple 24 ou 24,5.");
            return java.util.Optional.empty();
        }
    }

    /** Puts a service's refusal next to the field(s) it names, or at the top when it names none of this form's. */
    public void refusedBy(ServiceProblem problem, ProblemMessages messages) {
        boolean placed = false;
        for (ServiceProblem.FieldError e : problem.errors()) {
            String rule = e.rule() != null ? e.rule() : problem.rule();
            if (e.field() != null && values.containsKey(e.field())) {
                errors.putIfAbsent(e.field(), messages.of(rule, e.field()));
                placed = true;
            }
        }
        if (!placed && problem.field() != null && values.containsKey(problem.field())) {
            errors.put(problem.field(), messages.of(problem.rule(), problem.field()));
            placed = true;
        }
        if (!placed) {
            generalErrors.add(messages.of(problem.rule()));
        }
    }

    public void generalError(String message) {
        generalErrors.add(message);
    }
}
