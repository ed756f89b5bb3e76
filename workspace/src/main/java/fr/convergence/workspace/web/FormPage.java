package fr.convergence.workspace.web;

import java.util.List;

/**
 * Everything pages/form.html needs to render one form page: every form of the workspace is this one template, so
 * labels, hints, error summary and error texts look and behave alike.
 *
 * @param heading     the h1, e.g. "Heures hebdomadaires"
 * @param personName  whose page it is (in the title and the breadcrumb), or null
 * @param intro       one French sentence on what the form records, or null
 * @param action      where the form posts
 * @param submitLabel the button's text
 * @param cancelUrl   where "Annuler" goes
 * @param crumbs      breadcrumb links before the current page
 * @param stepper     the step of a guided flow, or null
 * @param form        fields, typed values, errors, key and token
 */
public record FormPage(String heading, String personName, String intro, String action, String submitLabel,
                       String cancelUrl, List<Crumb> crumbs, Step stepper, FormState form) {

    public record Crumb(String label, String href) {
    }

    /** A DSFR stepper: current step of a count, this step's title, and the next one's. */
    public record Step(int current, int count, String title, String next) {
    }

    /** The page's title names the page and the person (RGAA 8.6), and says when the form holds errors. */
    public String title() {
        String base = heading + (personName != null ? " — " + personName : "");
        return (form.hasErrors() ? "Erreur : " : "") + base + " — Convergence";
    }
}
