package fr.convergence.participant.accesslog;

import fr.convergence.kit.web.ApiException;

/**
 * Why personal data is read (GDPR purpose limitation): a short code such as {@code case-follow-up} or
 * {@code audit}, from header {@value #HEADER} or query parameter {@code purpose}. A code rather than free text
 * keeps personal data out of the access log itself.
 */
public final class Purpose {

    public static final String HEADER = "X-Purpose";
    public static final String FIELD = "purpose";
    private static final String FORMAT = "[A-Za-z0-9_.:-]{2,64}";

    private Purpose() {
    }

    public static String require(String header, String parameter) {
        String purpose = header != null && !header.isBlank() ? header : parameter;
        if (purpose == null || purpose.isBlank()) {
            throw ApiException.badRequest(FIELD, "reading personal data needs a purpose (header " + HEADER
                    + " or query parameter purpose)");
        }
        if (!purpose.matches(FORMAT)) {
            throw ApiException.badRequest(FIELD, "purpose must be a short code matching " + FORMAT);
        }
        return purpose;
    }
}
