package fr.convergence.reporting.export;

import fr.convergence.reporting.indicators.ExitCategory;
import fr.convergence.reporting.indicators.Indicator;
import fr.convergence.reporting.indicators.IndicatorValues;
import fr.convergence.reporting.indicators.Labels;
import fr.convergence.reporting.indicators.Report;
import fr.convergence.reporting.indicators.SmallCounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Lays a report out as the tables evaluators receive; XLSX and CSV both render these, so they never differ. */
public final class ReportTables {

    private ReportTables() {
    }

    public static List<Table> of(Report r) {
        Report.Totals t = r.totals();
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Périmètre", List.of("Paramètre", "Valeur"), List.of(
                row("Niveau", switch (r.level()) {
                    case "ACI" -> "ACI";
                    case "TERRITORY" -> "Territoire";
                    default -> "National";
                }),
                row("Territoire", r.territoryName()), row("Code du territoire", r.territory()),
                row("ACI", r.aciName()), row("Identifiant de l'ACI", r.aciId()),
                row("Programme", r.programme() == null ? "PHC et CVG" : Labels.of(Labels.PROGRAMMES, r.programme())),
                row("Du (mois)", r.from()), row("Au (mois)", r.to()),
                row("Secret statistique", "Par ACI, les effectifs de 1 à " + (SmallCounts.THRESHOLD - 1)
                        + " sont masqués (" + SmallCounts.HIDDEN + "), ainsi qu'une seconde case de la colonne "
                        + "quand une seule l'est, pour que le total du territoire ne les redonne pas ; de même pour "
                        + "les tranches d'âge d'un ACI"))));
        tables.add(new Table("Indicateurs", List.of("Identifiant", "Indicateur", "Valeur", "Définition"),
                IndicatorValues.of(r).entrySet().stream().map(e -> indicator(e.getKey(), e.getValue())).toList()));
        tables.add(new Table("Objectifs", List.of("Convention", "Financeur", "Type de financeur", "Indicateur",
                "Programme", "Du (mois)", "Au (mois)", "Cible", "Réalisé", "Part atteinte", "Identifiant de l'objectif",
                "Identifiant de l'indicateur"), r.targets().stream().map(p -> row(p.agreement(), p.funderName(),
                        Labels.of(Labels.FUNDERS, p.funderKind()), p.indicatorLabel(),
                        p.programme() == null ? "PHC et CVG" : Labels.of(Labels.PROGRAMMES, p.programme()), p.from(),
                        p.to(), p.target(), p.actual(), p.reached(), p.id(), p.indicator())).toList()));
        tables.add(new Table("Ratios", List.of("Identifiant", "Indicateur", "Numérateur", "Dénominateur", "Valeur"),
                List.of(share(Indicator.FROM_STREET, t.fromStreet()),
                        share(Indicator.FROM_SHELTER, t.fromShelter()),
                        share(Indicator.INTERVIEWS_PER_PERSON_MONTH, t.interviewsPerPersonMonth()),
                        share(Indicator.VISITS_PER_PERSON_MONTH, t.accompaniedVisitsPerPersonMonth()),
                        share(Indicator.EXITS_TO_DURABLE_HOUSING, t.exitsToDurableHousing()),
                        share(Indicator.EXITS_TO_SHELTER, t.exitsToShelter()),
                        share(Indicator.EMPLOYED_6_MONTHS, t.followUp6().employed()),
                        share(Indicator.HOUSED_6_MONTHS, t.followUp6().housed()),
                        share(Indicator.EMPLOYED_12_MONTHS, t.followUp12().employed()),
                        share(Indicator.HOUSED_12_MONTHS, t.followUp12().housed()),
                        share(Indicator.EXITS_TO_EMPLOYMENT, t.exitsToEmployment()),
                        share(Indicator.EXITS_TO_HOUSING_OR_SHELTER, t.exitsToHousingOrShelter()))));
        // an ACI's age bands are below territory level: small counts hidden in every export, whoever downloads it
        Report banded = SmallCounts.protect(r, SmallCounts.THRESHOLD);
        tables.add(new Table("Tranches d'âge", List.of("Tranche d'âge", "Personnes accompagnées", "Code"),
                banded.ageBands().stream().map(b -> row(b.label(), SmallCounts.orHidden(b.peopleSupported()), b.code()))
                        .toList()));
        tables.add(new Table("Suivi après sortie", List.of("Mois après la sortie", "Sorties de la période (cohorte)",
                "Contacts enregistrés", "Personnes non jointes", "Personnes jointes", "En emploi", "Part en emploi",
                "Logées (logement durable ou résidence sociale)", "Part logées"),
                List.of(followUp(t.followUp6()), followUp(t.followUp12()))));
        tables.add(new Table("Flux mensuels", List.of("Mois", "Entrées", "Sorties", "Présents fin de mois",
                "Sorties dynamiques", "Sorties hors retraits", "Heures travaillées", "Personnes en parcours dans le mois",
                "Entretiens", "Accompagnements physiques", "Réunions de synthèse"),
                r.months().stream().map(m -> row(m.month(), m.entered(), m.exited(), m.present(), m.dynamicExits(),
                        m.exitsCounted(), m.hoursWorked(), m.peopleActive(), m.interviews(), m.accompaniedVisits(),
                        m.caseConferences())).toList()));
        tables.add(new Table("Sorties par catégorie", List.of("Catégorie", "Sorties", "Code"),
                Arrays.stream(ExitCategory.values()).map(c -> row(c.label(),
                        t.exitsByCategory().getOrDefault(c.name(), 0L), c.name())).toList()));
        tables.add(counts("Sorties par motif", "Motif", "Sorties", t.exitsByReason(), Labels.EXIT_REASONS));
        tables.add(counts("Freins par domaine", "Domaine", "Personnes", t.barriersByDomain(), Labels.BARRIER_DOMAINS));
        tables.add(counts("Sorties par logement", "Situation de logement à la sortie", "Sorties", t.exitsByHousing(),
                Labels.HOUSING));
        tables.add(counts("Freins levés par domaine", "Domaine", "Personnes", t.barriersLiftedByDomain(),
                Labels.BARRIER_DOMAINS));
        tables.add(counts("Orientations par domaine", "Domaine", "Orientations", t.referralsByDomain(),
                Labels.REFERRAL_DOMAINS));
        tables.add(new Table("Orientations par issue", List.of("Statut / issue", "Orientations", "Code"),
                t.referralsByOutcome().entrySet().stream()
                        .map(e -> row(Labels.referralOutcome(e.getKey()), e.getValue(), e.getKey())).toList()));
        tables.add(new Table("Heures PHC actuelles", List.of("Heures hebdomadaires", "Personnes"),
                t.phcCurrentHours().entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList()));
        List<List<Object>> trajectory = new ArrayList<>();
        for (int k = 0; k < t.phcAverageHoursByMonthSinceEntry().size(); k++) {
            trajectory.add(row(k, t.phcAverageHoursByMonthSinceEntry().get(k)));
        }
        tables.add(new Table("Trajectoire PHC", List.of("Mois depuis l'entrée", "Heures hebdomadaires moyennes"),
                trajectory));
        if (!r.breakdown().isEmpty() && r.territory() == null) {
            tables.add(new Table("Territoires", List.of("Territoire", "Entrées", "Sorties", "Présents fin de période",
                    "Taux de sorties dynamiques", "Heures travaillées", "Personnes accompagnées", "Nombre d'ACI",
                    "Code du territoire"),
                    r.breakdown().stream().map(b -> row(b.name(), b.entered(), b.exited(), b.presentAtEnd(),
                            b.dynamicExitRate(), b.hoursWorked(), b.peopleSupported(), b.aciCount(), b.code())).toList()));
        } else if (!r.breakdown().isEmpty()) {
            // Below territory level (ACI rows) small counts are hidden.
            tables.add(new Table("ACI", List.of("ACI", "Entrées", "Sorties", "Présents fin de période",
                    "Taux de sorties dynamiques", "Heures travaillées", "Personnes accompagnées", "Identifiant de l'ACI"),
                    SmallCounts.tableRows(r, SmallCounts.THRESHOLD)));
        }
        tables.add(new Table("Définitions", List.of("Identifiant", "Indicateur", "Définition"),
                Arrays.stream(Indicator.values()).map(i -> row(i.id(), i.label(), i.definition())).toList()));
        return tables;
    }

    private static List<Object> indicator(Indicator indicator, Object value) {
        return row(indicator.id(), indicator.label(), value, indicator.definition());
    }

    private static List<Object> share(Indicator indicator, Report.Share share) {
        if (share == null) {
            return row(indicator.id(), indicator.label(), null, null, null);
        }
        return row(indicator.id(), indicator.label(), share.numerator(), share.denominator(), share.value());
    }

    private static List<Object> followUp(Report.FollowUp f) {
        return row(f.milestoneMonths(), f.exits(), f.contacted(), f.notReached(), f.employed().denominator(),
                f.employed().numerator(), f.employed().value(), f.housed().numerator(), f.housed().value());
    }

    /** A count per code, the code's French label first and the code kept in a last column for those who match. */
    private static Table counts(String name, String key, String count, Map<String, Long> values,
                                Map<String, String> labels) {
        return new Table(name, List.of(key, count, "Code"), values.entrySet().stream()
                .map(e -> row(Labels.of(labels, e.getKey()), e.getValue(), e.getKey())).toList());
    }


    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
