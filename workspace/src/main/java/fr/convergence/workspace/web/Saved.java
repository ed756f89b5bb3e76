package fr.convergence.workspace.web;

import java.util.Map;

/**
 * What a page says after a form of the other roles' pages succeeded (post/redirect/get with {@code ?enregistre=…}):
 * the code in the address is one of these, so nothing typed by anyone is echoed back.
 */
public final class Saved {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("orientation", "L'orientation a été proposée au partenaire."),
            Map.entry("accept", "L'orientation est enregistrée comme acceptée."),
            Map.entry("decline", "L'orientation est enregistrée comme refusée."),
            Map.entry("complete", "L'orientation est enregistrée comme aboutie."),
            Map.entry("cancel", "L'orientation est annulée."),
            Map.entry("membre", "Le membre a rejoint le groupe de suivi."),
            Map.entry("depart", "Le départ du membre est enregistré."),
            Map.entry("changement-aci", "La personne est rattachée à sa nouvelle ACI ; son parcours et ses besoins la suivent."),
            Map.entry("effacement", "Les données personnelles ont été effacées."),
            Map.entry("aci", "L'ACI est enregistrée."),
            Map.entry("territoire", "Le territoire est enregistré."),
            Map.entry("partenaire", "Le partenaire a rejoint le réseau."),
            Map.entry("convention", "La convention est enregistrée."),
            Map.entry("rejeu", "L'événement a été traité à nouveau avec succès."),
            Map.entry("ecart", "L'événement a été écarté ; la raison est gardée avec lui."),
            Map.entry("reconstruction", "La reconstruction des indicateurs a démarré."));

    private Saved() {
    }

    /** The French sentence for a code, or null (an unknown code shows nothing). */
    public static String message(String code) {
        return code == null ? null : MESSAGES.get(code);
    }
}
