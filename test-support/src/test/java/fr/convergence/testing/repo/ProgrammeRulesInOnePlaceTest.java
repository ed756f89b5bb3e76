package fr.convergence.testing.repo;

import fr.convergence.testing.repo.RuleLiterals.Leak;
import fr.convergence.testing.repo.RuleLiterals.Rule;
import fr.convergence.testing.repo.RuleLiterals.Unit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 item 2: every programme rule in one place. The numbers of pathway-service's {@code programme-rules.yml}
 * (read by pathway-service, the workspace and the demo generator, each from that very file) must not be written again
 * in any module's main code. What {@link RuleLiterals} finds is a leak unless the short list below says why it is not.
 */
class ProgrammeRulesInOnePlaceTest {

    static final Repository REPO = Repository.find();
    static final Path RULES_FILE = REPO.root().resolve("pathway-service/src/main/resources/programme-rules.yml");

    /** The subject a day rule's line must name to be about it (a bare 30 days is a notice period, a page size…). */
    static final Map<String, Pattern> DAY_RULE_SUBJECTS = Map.of(
            "exit-cancel-window-days", Pattern.compile("(?i)cancel|annul"),
            "max-immersion-days", Pattern.compile("(?i)immersion"));

    /**
     * Where a rule's number may stay, and why: a file (or a module's folder) and a fragment of the line. An entry that
     * no longer matches anything fails the test, so the list stays true — except one marked {@code inFlight}: a file
     * another change of the same round is rewriting, whose fix may land before or after this list is trimmed.
     */
    record Allowed(String path, String fragment, boolean inFlight, String why) {
        Allowed(String path, String fragment, String why) {
            this(path, fragment, false, why);
        }

        boolean covers(Leak leak) {
            return leak.file().startsWith(path) && leak.code().contains(fragment);
        }
    }

    static final List<Allowed> ALLOWED = List.of(
            new Allowed("deploy/src/main/java/fr/convergence/deploy/demo/PartnerNetwork.java", "today.plusYears(2)",
                    "a demo partner agreement's end date, two years on: an agreement's term, no pathway rule"),
            new Allowed("workspace/src/main/java/fr/convergence/workspace/hours/MonthlyHours.java", "MONTHS_SHOWN = 3",
                    "how many months the hours grid shows at once: a page's layout, no programme length"),
            new Allowed("reporting-service/src/main/java/fr/convergence/reporting/targets/TargetRules.java",
                    "MAX_MONTHS = 120",
                    "the longest funding agreement a target may cover (ten years): a bound on input, no programme rule"),
            new Allowed("pathway-service/src/main/java/fr/convergence/pathway/api/", " months", true,
                    "OpenAPI summaries quoting the caps in English; the controller is being regenerated from one route "
                            + "table by another change of this round, which owns the wording: its summaries are to name "
                            + "the rules (extension-max-months, pathway-max-months, follow-up-max-months) or read them"),
            new Allowed("reporting-service/src/main/java/fr/convergence/reporting/indicators/Indicator", " mois", true,
                    "the published indicator catalogue (ids and French labels such as part_au_dela_24_mois, "
                            + "en_emploi_12_mois) names contract-max-months and the follow-up milestones; an id cannot "
                            + "follow the file, the labels are to, with the same reporting change"),
            new Allowed("reporting-service/src/main/java/fr/convergence/reporting/evaluation/EvaluationColumns.java",
                    " mois",
                    "the evaluation extract's variables (suivi_6_mois_*, suivi_12_mois_*) are the follow-up milestones "
                            + "of a published data dictionary: renaming them with the rules would break evaluators' "
                            + "scripts; they follow when reporting reads the rules"));

    static RuleLiterals programmeRules() {
        JsonNode programme = new YAMLMapper().readTree(RULES_FILE.toFile()).path("programme");
        List<Rule> rules = new ArrayList<>();
        List<Integer> contacts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : programme.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.equals("follow-up-contact-months")) {
                value.forEach(m -> contacts.add(m.asInt()));
            } else if (value.isNumber()) {
                Unit unit = key.endsWith("-months") ? Unit.MONTHS : key.endsWith("-days") ? Unit.DAYS
                        : key.endsWith("-hours") ? Unit.HOURS : null;
                assertThat(unit).as("the unit of the new rule " + key + " (…-months, …-days or …-hours)").isNotNull();
                Pattern subject = unit == Unit.DAYS ? DAY_RULE_SUBJECTS.get(key) : RuleLiterals.unitWord(unit);
                assertThat(subject).as("the subject of the new day rule " + key + " (DAY_RULE_SUBJECTS)").isNotNull();
                rules.add(new Rule(key, value.asInt(), unit, subject));
            }
        }
        assertThat(rules).extracting(Rule::key).contains("contract-max-months", "pathway-max-months",
                "phc-max-months", "extension-max-months", "follow-up-max-months", "max-weekly-hours");
        assertThat(contacts).isNotEmpty();
        return new RuleLiterals(rules, contacts);
    }

    @Test
    void noNumberOfTheProgrammeRulesIsWrittenInMainCode() throws Exception {
        RuleLiterals scanner = programmeRules();
        List<Leak> leaks = new ArrayList<>();
        List<Path> modules;
        try (Stream<Path> dirs = Files.list(REPO.root())) {
            modules = dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).sorted().toList();
        }
        for (Path module : modules) {
            for (Path file : REPO.mainJava(module.getFileName().toString())) {
                String name = REPO.root().relativize(file).toString().replace('\\', '/');
                leaks.addAll(scanner.scan(name, Repository.read(file)));
            }
        }
        Set<Allowed> used = new HashSet<>();
        List<Leak> unexplained = new ArrayList<>();
        for (Leak leak : leaks) {
            ALLOWED.stream().filter(a -> a.covers(leak)).findFirst().ifPresentOrElse(used::add, () -> unexplained.add(leak));
        }
        assertThat(unexplained).as("programme rules written in code instead of read from " + RULES_FILE).isEmpty();
        assertThat(ALLOWED).as("allow-list entries that no longer match anything")
                .filteredOn(a -> !a.inFlight() && !used.contains(a)).isEmpty();
    }

    // The scanner bites, and leaves alone what is no rule.

    static final RuleLiterals SCANNER = programmeRules();

    static List<String> leaksIn(String java) {
        return SCANNER.scan("Example.java", java).stream().map(l -> l.rule() + " (" + l.context() + ")").toList();
    }

    @Test
    void dateArithmeticWithARuleIsALeak() {
        assertThat(leaksIn("LocalDate end = start.plusMonths(24).minusDays(1);"))
                .containsExactly("contract-max-months (date arithmetic)");
        assertThat(leaksIn("boolean tooLong = end.isAfter(start.plusYears(5));"))
                .containsExactly("pathway-max-months (date arithmetic)");
        assertThat(leaksIn("LocalDate last = exitedOn.plusDays(30); // the cancel window"))
                .as("a day count about no day rule's subject").isEmpty();
        assertThat(leaksIn("if (cancelled.isAfter(exit.plusDays(30))) {"))
                .containsExactly("exit-cancel-window-days (date arithmetic)");
    }

    @Test
    void aComparisonOrAValueNamedForTheUnitIsALeak() {
        assertThat(leaksIn("if (monthsInPathway > 60) {")).containsExactly("pathway-max-months (comparison)");
        assertThat(leaksIn("if (weeklyHours <= 35.0) {")).containsExactly("max-weekly-hours (comparison)");
        assertThat(leaksIn("double cvgHours = 20 + random.nextInt(7);"))
                .contains("standard-min-weekly-hours (set to it)");
        assertThat(leaksIn("private static final int MAX_TRAJECTORY_MONTHS = 36;"))
                .containsExactly("month count (constant)");
        assertThat(leaksIn("static final int[] FOLLOW_UP = {1, 3, 6, 12};"))
                .containsExactly("follow-up-contact-months (sequence)");
    }

    @Test
    void textQuotingARuleIsALeak() {
        assertThat(leaksIn("String label = \"Part des parcours de plus de 24 mois\";"))
                .containsExactly("contract-max-months (text)");
        assertThat(leaksIn("@Operation(summary = \"Change weekly hours (PHC 4 to 20 h)\")"))
                .contains("phc-min-weekly-hours (text)");
    }

    @Test
    void numbersThatAreNoRuleAndCommentsAreLeftAlone() {
        assertThat(leaksIn("for (int i = 0; i < 12; i++) { id.append(ALPHABET[random.nextInt(32)]); }")).isEmpty();
        assertThat(leaksIn("String band = days <= 7 ? \"0-7\" : days <= 30 ? \"8-30\" : \"31+\";")).isEmpty();
        assertThat(leaksIn("static final int NEED_REFERRAL_DAYS = 30;")).isEmpty();
        assertThat(leaksIn("// a contract lasts 24 months: plusMonths(24)")).isEmpty();
        assertThat(leaksIn("/* pathway-max-months, 60 */ int max = rules.pathwayMaxMonths();")).isEmpty();
        assertThat(leaksIn("YearMonth last = YearMonth.of(year, 12);")).isEmpty();
        assertThat(leaksIn("LocalDate newEnd = currentEnd.plusMonths(rules.extensionMaxMonths());")).isEmpty();
    }
}
