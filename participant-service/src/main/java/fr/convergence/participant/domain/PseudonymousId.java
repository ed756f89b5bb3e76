package fr.convergence.participant.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The participant's id outside this service. Random (not derived from any personal data or a counter) so that
 * it reveals nothing and cannot be recomputed from a name once the person is erased: 12 base32 characters are
 * 60 bits, enough that collisions stay negligible for the few thousand people of the programme (and a collision
 * is caught by the unique _id anyway).
 */
public final class PseudonymousId {

    public static final String PREFIX = "PSN-";
    public static final Pattern FORMAT = Pattern.compile("PSN-[A-Z2-7]{12}");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PseudonymousId() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < 12; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }
}
