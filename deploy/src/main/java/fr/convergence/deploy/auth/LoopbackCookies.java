package fr.convergence.deploy.auth;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie jar that treats the loopback interface as a secure context, as browsers do: Keycloak marks its login
 * cookies {@code Secure} even over plain http, and the JDK's {@link CookieManager} would then never send them back
 * to a provider on {@code http://127.0.0.1} (the tests' Keycloak), so the sign-in form would answer "cookie not
 * found". Anywhere else the {@code Secure} flag is kept and honoured.
 */
final class LoopbackCookies extends CookieHandler {

    private final CookieManager jar = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return jar.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (!loopback(uri)) {
            jar.put(uri, responseHeaders);
            return;
        }
        jar.put(uri, responseHeaders.entrySet().stream().filter(e -> e.getKey() != null).collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getKey().equalsIgnoreCase("Set-Cookie") || e.getKey().equalsIgnoreCase("Set-Cookie2")
                        ? e.getValue().stream().map(c -> c.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList()
                        : e.getValue())));
    }

    private static boolean loopback(URI uri) {
        try {
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
