package fr.convergence.reporting.frozen;

import fr.convergence.kit.web.ApiException;

/** The shape of a frozen report id, checked before any read so that nothing odd reaches the store. */
final class FrozenId {

    private FrozenId() {
    }

    static void check(String id) {
        if (id == null || id.length() > 160 || !id.matches("[A-Za-z0-9._-]+(~[A-Za-z0-9._-]+){2,3}")) {
            throw ApiException.badRequest("id", "a frozen report id reads <scope>~<period>~<version>, e.g. "
                    + "national~2026-Q1~1 or paris~aci-paris-1~2026-03~2");
        }
    }
}
