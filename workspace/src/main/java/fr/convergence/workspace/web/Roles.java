package fr.convergence.workspace.web;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import org.springframework.security.access.AccessDeniedException;

import java.util.Arrays;

/**
 * Which roles a page is for. This only chooses pages (a French "Accès refusé" instead of an empty screen): the
 * services check every call again with the person's own token, so nothing here can widen what they see.
 */
public final class Roles {

    private Roles() {
    }

    public static void require(StaffMember me, StaffRole... allowed) {
        if (me.role() == null || Arrays.stream(allowed).noneMatch(me::is)) {
            throw new AccessDeniedException("page for " + Arrays.toString(allowed));
        }
    }
}
