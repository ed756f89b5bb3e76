package fr.convergence.workspace.admin;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.web.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Administration, the administrator's home: one card per thing the role does. It reads nothing by itself. */
@Controller
class AdministrationController {

    @GetMapping("/espace/administration")
    String home(StaffMember me) {
        Roles.require(me, StaffRole.ADMIN);
        return "pages/administration";
    }
}
