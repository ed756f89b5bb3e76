package fr.convergence.partnership.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The table of reason codes a declined or cancelled referral may carry (partnership-reference.yml, data not
 * constants), each with its French label for the workspace. A referral's reason is a code, never text: it travels
 * on Kafka, where nothing can be erased (issue 21 finding 8). A code offered for no step (PARTICIPANT_EXITED) is
 * set by the service itself and refused from callers.
 */
public final class ReferralReasons {

    /** The lifecycle steps that take a reason. */
    public enum Step { DECLINE, CANCEL }

    /** One row of the table. */
    public record Reason(String code, String label, Set<Step> steps) {
        public Reason {
            steps = Set.copyOf(steps);
        }
    }

    /** The shape of every code: what the contract's revision 2 promises consumers for {@code data.reason}. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final Map<String, Reason> byCode;

    public ReferralReasons(List<Reason> table) {
        Map<String, Reason> copy = new LinkedHashMap<>();
        for (Reason r : table) {
            if (r.code() == null || !CODE.matcher(r.code()).matches()) {
                throw new IllegalArgumentException("a referral reason code must match " + CODE + ": " + r.code());
            }
            if (r.label() == null || r.label().isBlank()) {
                throw new IllegalArgumentException("referral reason " + r.code() + " has no label");
            }
            copy.put(r.code(), r);
        }
        this.byCode = Collections.unmodifiableMap(copy);
    }

    /** Whether a caller may give {@code code} for {@code step}. */
    public boolean offered(Step step, String code) {
        Reason r = code == null ? null : byCode.get(code);
        return r != null && r.steps().contains(step);
    }

    /** Whether {@code value} is a code of the table (any step, the service's own included). */
    public boolean known(String value) {
        return value != null && byCode.containsKey(value);
    }

    /** The codes callers may give for a step, in table order. */
    public List<String> codesFor(Step step) {
        return byCode.values().stream().filter(r -> r.steps().contains(step)).map(Reason::code).toList();
    }

    public List<Reason> all() {
        return List.copyOf(byCode.values());
    }
}
