package fr.convergence.workspace.web;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.security.StaffMember;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Rendering a fresh form (new key and token) and accepting a posted one (token checked). */
@Component
public class FormPosts {

    public static final String KEY = "_formKey";
    public static final String CSRF = "_csrf";
    private final FormTokens tokens;

    FormPosts(FormTokens tokens) {
        this.tokens = tokens;
    }

    public FormState fresh(StaffMember who, List<Field> fields, Map<String, String> initial) {
        String key = tokens.newFormKey();
        return new FormState(fields, key, tokens.csrfFor(who.userId(), key), initial);
    }

    /**
     * The posted form, with its own key kept (so a second click on the same form replays the first answer instead of
     * recording twice); a missing or forged token refuses the post.
     */
    public FormState posted(StaffMember who, List<Field> fields, Map<String, String> params) {
        requireToken(who, params);
        return new FormState(fields, params.get(KEY), params.get(CSRF), params);
    }

    /**
     * The posted parameters, one value each: a field posted several times (the boxes ticked of a CHECKBOXES field)
     * keeps all its values, comma-separated, as {@link FormState} reads them.
     */
    public static Map<String, String> flatten(org.springframework.util.MultiValueMap<String, String> posted) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        posted.forEach((name, values) -> params.put(name, values.size() == 1 ? values.get(0)
                : String.join(",", values.stream().filter(v -> v != null && !v.isBlank()).toList())));
        return params;
    }

    /** Checks the post's token before anything is read or sent on its behalf. */
    public void requireToken(StaffMember who, Map<String, String> params) {
        if (!tokens.valid(who.userId(), params.get(KEY), params.get(CSRF))) {
            throw new ForgedForm();
        }
    }

    /** A post without a valid token of this user: answered 403 with a French page, nothing sent to a service. */
    public static final class ForgedForm extends RuntimeException {
        public ForgedForm() {
            super("form token missing or invalid");
        }
    }
}
