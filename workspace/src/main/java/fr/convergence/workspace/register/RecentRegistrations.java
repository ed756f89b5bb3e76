package fr.convergence.workspace.register;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registrations this instance completed lately, by user and form key. A second post of the same registration form
 * (a double click) must get the first answer, as the service's Idempotency-Key replay gives it — but the
 * duplicate-name check runs before the service is called and would now find the person just registered. Remembering
 * the form's outcome sends the second post where the first went. Bounded; another instance without the memory shows
 * the duplicate choice instead, which records nothing either.
 */
@Component
class RecentRegistrations {

    private static final int KEEP = 2000;
    private final Map<String, String> byForm = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEEP;
        }
    };

    synchronized void remember(String userId, String formKey, String participantId) {
        byForm.put(userId + "|" + formKey, participantId);
    }

    synchronized Optional<String> of(String userId, String formKey) {
        return Optional.ofNullable(byForm.get(userId + "|" + formKey));
    }
}
