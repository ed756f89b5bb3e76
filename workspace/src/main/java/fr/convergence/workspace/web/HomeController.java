package fr.convergence.workspace.web;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} takes each role to its own home; roles whose pages come in part 2 get a home saying so. */
@Controller
class HomeController {

    @GetMapping("/")
    String root(StaffMember me) {
        return "redirect:" + (me.role() == null ? "/espace/accueil" : me.role().home());
    }

    @GetMapping({"/espace", "/espace/"})
    String espace(StaffMember me) {
        return root(me);
    }

    @GetMapping("/espace/accueil")
    String home() {
        return "pages/home";
    }
}
