package fr.convergence.reporting.export;

import fr.convergence.reporting.indicators.ExitCategory;
import fr.convergence.reporting.indicators.Indicator;
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
                row("Territoire", r.territory()), row("ACI", r.aciId()),
                row("Programme", r.programme() == null ? "PHC et CVG" : r.programme()),
                row("Du (mois)", r.from()), row("Au (mois)", r.to()),
                row("Secret statistique", "Par ACI, les effectifs de 1 à " + (SmallCounts.THRESHOLD - 1)
                        + " sont masqués (" + SmallCounts.HIDDEN + "), ainsi qu'une seconde case de la colonne "
                        + "quand une seule l'est, pour que le total du territoire ne les redonne pas"))));
        tables.add(new Table("Indicateurs", List.of("Identifiant", "Indicateur", "Valeur", "Définition"), List.of(
                indicator(Indicator.ENTERED, t.entered()),
                indicator(Indicator.EXITED, t.exited()),
                indicator(Indicator.PRESENT, t.presentAtEnd()),
                indicator(Indicator.DYNAMIC_EXIT_RATE, t.dynamicExitRate()),
                indicator(Indicator.DURABLE_HOUSING, t.durableHousing()),
                indicator(Indicator.HEALTH_CARE, t.healthCare()),
                indicator(Indicator.RIGHTS_OPENED, t.rightsOpened()),
                indicator(Indicator.TRAINING_STARTED, t.trainingStarted()),
                indicator(Indicator.TRAINING_COMPLETED, t.trainingCompleted()),
                indicator(Indicator.BARRIER_PEOPLE, t.barrierPeople()),
                indicator(Indicator.BARRIER_INTERNAL, t.barrierInternal()),
                indicator(Indicator.BARRIER_PARTNER, t.barrierPartner()),
                indicator(Indicator.MEDIAN_LENGTH, t.medianMonthsInPathway()),
                indicator(Indicator.SHARE_BEYOND_24, t.shareBeyond24Months()),
                indicator(Indicator.PHC_TO_CVG, t.phcToCvg()),
                indicator(Indicator.HOURS_WORKED, t.hoursWorked()),
                indicator(Indicator.PEOPLE_SUPPORTED, t.peopleSupported()),
                indicator(Indicator.PERSON_MONTHS, t.personMonths()),
                indicator(Indicator.FROM_STREET, t.fromStreet().value()),
                indicator(Indicator.FROM_SHELTER, t.fromShelter().value()),
                indicator(Indicator.INTERVIEWS_PER_PERSON_MONTH, t.interviewsPerPersonMonth().value()),
                indicator(Indicator.VISITS_PER_PERSON_MONTH, t.accompaniedVisitsPerPersonMonth().value()),
                indicator(Indicator.CASE_CONFERENCES, t.caseConferences()),
                indicator(Indicator.EXITS_TO_DURABLE_HOUSING, t.exitsToDurableHousing().value()),
                indicator(Indicator.EXITS_TO_SHELTER, t.exitsToShelter().value()),
                indicator(Indicator.EMPLOYED_6_MONTHS, t.followUp6().employed().value()),
                indicator(Indicator.HOUSED_6_MONTHS, t.followUp6().housed().value()),
                indicator(Indicator.EMPLOYED_12_MONTHS, t.followUp12().employed().value()),
                indicator(Indicator.HOUSED_12_MONTHS, t.followUp12().housed().value()),
                indicator(Indicator.EXTENSIONS, t.extensions()),
                indicator(Indicator.IMMERSIONS, t.immersions()),
                indicator(Indicator.IMMERSION_DAYS, t.immersionDays()))));
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
                        share(Indicator.HOUSED_12_MONTHS, t.followUp12().housed()))));
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
        tables.add(new Table("Sorties par catégorie", List.of("Catégorie", "Libellé", "Sorties"),
                Arrays.stream(ExitCategory.values()).map(c -> row(c.name(), c.label(),
                        t.exitsByCategory().getOrDefault(c.name(), 0L))).toList()));
        tables.add(counts("Sorties par motif", "Motif", "Sorties", t.exitsByReason()));
        tables.add(counts("Freins par domaine", "Domaine", "Personnes", t.barriersByDomain()));
        tables.add(counts("Sorties par logement", "Situation de logement à la sortie", "Sorties", t.exitsByHousing()));
        tables.add(counts("Freins levés par domaine", "Domaine", "Personnes", t.barriersLiftedByDomain()));
        tables.add(counts("Orientations par domaine", "Domaine", "Orientations", t.referralsByDomain()));
        tables.add(counts("Orientations par issue", "Statut / issue", "Orientations", t.referralsByOutcome()));
        tables.add(counts("Heures PHC actuelles", "Heures hebdomadaires", "Personnes", t.phcCurrentHours()));
        List<List<Object>> trajectory = new ArrayList<>();
        for (int k = 0; k < t.phcAverageHoursByMonthSinceEntry().size(); k++) {
            trajectory.add(row(k, t.phcAverageHoursByMonthSinceEntry().get(k)));
        }
        tables.add(new Table("Trajectoire PHC", List.of("Mois depuis l'entrée", "Heures hebdomadaires moyennes"),
                trajectory));
        if (!r.breakdown().isEmpty()) {
            tables.add(new Table(r.territory() == null ? "Territoires" : "ACI",
                    List.of(r.territory() == null ? "Territoire" : "ACI", "Entrées", "Sorties", "Présents fin de période",
                            "Taux de sorties dynamiques", "Heures travaillées", "Personnes accompagnées"),
                    // Below territory level (ACI rows) small counts are hidden; territory rows are shown as they are.
                    r.territory() == null
                            ? r.breakdown().stream().map(b -> row(b.code(), b.entered(), b.exited(), b.presentAtEnd(),
                                    b.dynamicExitRate(), b.hoursWorked(), b.peopleSupported())).toList()
                            : SmallCounts.tableRows(r, SmallCounts.THRESHOLD)));
        }
        tables.add(new Table("Définitions", List.of("Identifiant", "Indicateur", "Définition"),
                Arrays.stream(Indicator.values()).map(i -> row(i.id(), i.label(), i.definition())).toList()));
        return tables;
    }

    private static List<Object> indicator(Indicator indicator, Object value) {
        return row(indicator.id(), indicator.label(), value, indicator.definition());
    }

    private static List<Object> share(Indicator indicator, Report.Share share) {
        return row(indicator.id(), indicator.label(), share.numerator(), share.denominator(), share.value());
    }

    private static List<Object> followUp(Report.FollowUp f) {
        return row(f.milestoneMonths(), f.exits(), f.contacted(), f.notReached(), f.employed().denominator(),
                f.employed().numerator(), f.employed().value(), f.housed().numerator(), f.housed().value());
    }

    private static Table counts(String name, String key, String count, Map<String, Long> values) {
        return new Table(name, List.of(key, count), values.entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue())).toList());
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
