package fr.convergence.deploy.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first form of a provider's login page, read as a browser would: where it posts to and its hidden fields
 * (the demo provider's {@code _csrf}, Keycloak's {@code credentialId}; Keycloak's session code is in the action
 * URL). Enough for the two providers the platform is tested with, without provider-specific code.
 */
record LoginForm(URI action, Map<String, String> hidden) {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    static Optional<LoginForm> in(URI page, String html) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String body = form.group(2);
            if (!body.matches("(?is).*name=\"password\".*")) {
                continue;   // a language picker or another form: not the sign-in one
            }
            String action = attribute(form.group(1), "action");
            Map<String, String> hidden = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(body);
            while (input.find()) {
                String attrs = input.group(1);
                String name = attribute(attrs, "name");
                if (name != null && "hidden".equalsIgnoreCase(attribute(attrs, "type"))) {
                    String value = attribute(attrs, "value");
                    hidden.put(name, value == null ? "" : value);
                }
            }
            return Optional.of(new LoginForm(action == null || action.isBlank() ? page : page.resolve(action), hidden));
        }
        return Optional.empty();
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }
}
