package fr.convergence.workspace;

import fr.convergence.workspace.rules.ProgrammeRules;
import fr.convergence.workspace.web.Labels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes never reach the screen: every constant of the services' enums the workspace shows has a French label. The
 * enums are read from the services' sources (the workspace does not depend on their code), so a code added there
 * fails here until it gets its label in {@link Labels}.
 */
class LabelsCoverageTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ENUM_BODY = Pattern.compile("enum\\s+\\w+\\s*\\{([^;}]*)");

    static List<String> constants(String source) throws Exception {
        String text = Files.readString(ROOT.resolve(source)).replaceAll("/\\*\\*?[\\s\\S]*?\\*/", "").replaceAll("//.*", "");
        Matcher m = ENUM_BODY.matcher(text);
        assertThat(m.find()).as(source + " declares an enum").isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::trim).map(s -> s.replaceAll("\\(.*", ""))
                .filter(s -> !s.isEmpty()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "pathway-service/src/main/java/fr/convergence/pathway/domain/BarrierDomain.java, BARRIER_DOMAINS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/Intensity.java, INTENSITIES",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/Handling.java, HANDLINGS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/HousingKind.java, HOUSING_KINDS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/RightKind.java, RIGHTS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/ExtensionReason.java, EXTENSION_REASONS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/PathwayStatus.java, PATHWAY_STATUSES",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/ExitCategory.java, EXIT_CATEGORIES",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/Programme.java, PROGRAMMES",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/HousingSituation.java, HOUSING_SITUATIONS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/DurationBand.java, DURATION_BANDS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/ReferralSource.java, REFERRAL_SOURCES",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/HealthCover.java, HEALTH_COVERS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/AccompanimentKind.java, ACCOMPANIMENT_KINDS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/SessionLength.java, SESSION_LENGTHS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/SupportRole.java, SUPPORT_ROLES",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/EmploymentSituation.java, EMPLOYMENT_SITUATIONS",
            "pathway-service/src/main/java/fr/convergence/pathway/domain/CorrectionReason.java, CORRECTION_REASONS",
            "partnership-service/src/main/java/fr/convergence/partnership/domain/PartnerDomain.java, PARTNER_DOMAINS",
            "partnership-service/src/main/java/fr/convergence/partnership/domain/ReferralStatus.java, REFERRAL_STATUSES",
            "partnership-service/src/main/java/fr/convergence/partnership/domain/NeedStatus.java, NEED_STATUSES",
            "partnership-service/src/main/java/fr/convergence/partnership/domain/FollowUpRole.java, FOLLOW_UP_ROLES",
    })
    @SuppressWarnings("unchecked")
    void everyCodeOfTheServiceHasAFrenchLabel(String source, String table) throws Exception {
        Map<String, String> labels = (Map<String, String>) Labels.class.getField(table).get(null);
        List<String> codes = constants(source);
        assertThat(codes).as(source).isNotEmpty().allMatch(c -> c.matches("[A-Z][A-Z0-9_]*"));
        assertThat(labels).as(table).containsKeys(codes.toArray(String[]::new));
    }

    /** Every pathway event type (a record of pathway-service's domain/event) has its French line in the timeline. */
    @Test
    void everyPathwayEventHasAFrenchTimelineLine() throws Exception {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        List<String> types;
        try (var files = Files.list(ROOT.resolve("pathway-service/src/main/java/fr/convergence/pathway/domain/event"))) {
            types = files.filter(f -> Files.isRegularFile(f)).filter(f -> {
                try {
                    return Files.readString(f).contains("implements PathwayEvent");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString().replace(".java", "")).toList();
        }
        assertThat(types).contains("ParticipantHired", "ParticipantExited");
        // a correction names the corrected event's type: every type has its French name there too
        assertThat(Labels.PATHWAY_EVENTS).containsKeys(types.toArray(String[]::new));
        for (String type : types) {
            var events = json.readTree("[{\"type\":\"" + type + "\",\"occurredOn\":\"2026-01-15\",\"data\":{}}]");
            var entries = fr.convergence.workspace.person.Timeline.ofEvents(json.readTree("{}"), events, new Labels());
            assertThat(entries).as(type).hasSize(1);
            assertThat(entries.get(0).title()).as(type).doesNotContain("Autre événement").doesNotContain(type);
        }
    }

    @Test
    void everyExitReasonOfTheProgrammeRulesHasAFrenchLabel() {
        assertThat(Labels.EXIT_REASONS).containsKeys(ProgrammeRules.load().exitReasons().keySet().toArray(String[]::new));
    }

    /** Every outcome code of partnership-service's reference data has its French label (read from its YAML). */
    @Test
    void everyReferralOutcomeHasAFrenchLabel() throws Exception {
        String yml = Files.readString(ROOT.resolve("partnership-service/src/main/resources/partnership-reference.yml"));
        String block = yml.substring(yml.indexOf("outcome-codes:"));
        List<String> codes = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\\n\\s+- ([A-Z_]+)").matcher(block);
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).contains("HOUSED", "OTHER");
        assertThat(Labels.REFERRAL_OUTCOMES).containsKeys(codes.toArray(String[]::new));
    }

    /** Every integration event of participant- and partnership-service (their contracts) has its timeline line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"participant-event.v1.schema.json, PARTICIPANT_EVENTS", "partnership-event.v1.schema.json, PARTNERSHIP_EVENTS"})
    @SuppressWarnings("unchecked")
    void everyIntegrationEventHasAFrenchLabel(String schema, String table) throws Exception {
        String text = Files.readString(ROOT.resolve("contracts/src/main/resources/contracts/" + schema));
        Matcher m = Pattern.compile("\"enum\": *\\[([^\\]]*)\\]").matcher(text);
        assertThat(m.find()).isTrue();
        List<String> types = Arrays.stream(m.group(1).split(",")).map(t -> t.trim().replace("\"", "")).toList();
        Map<String, String> labels = (Map<String, String>) Labels.class.getField(table).get(null);
        assertThat(labels).as(schema).containsKeys(types.toArray(String[]::new));
    }
}
