package fr.convergence.testing.repo;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 item 4: every module's README is a canvas that stays true — one page, and every class, collection and
 * topic it names exists in the code. A rename that forgets the canvas fails here.
 */
class CanvasTest {

    static final Repository REPO = Repository.find();

    @TestFactory
    Stream<DynamicTest> everyModuleCanvasIsOnePageAndNamesOnlyWhatExists() throws IOException {
        List<Path> modules;
        try (Stream<Path> dirs = Files.list(REPO.root())) {
            modules = dirs.filter(Canvas::isModuleWithCanvas).sorted().toList();
        }
        assertThat(modules).extracting(p -> p.getFileName().toString())
                .contains("participant-service", "pathway-service", "partnership-service", "reporting-service",
                        "workspace", "service-kit");
        return modules.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String module = dir.getFileName().toString();
            Canvas canvas = Canvas.of(REPO, module);
            String readme = Repository.read(dir.resolve("README.md"));
            List<String> problems = new java.util.ArrayList<>(canvas.problems(readme));
            problems.addAll(canvas.collectionsNotListed(readme));
            assertThat(problems).as(module + "/README.md").isEmpty();
        }));
    }

    // The checks bite: a canvas of pathway-service with one wrong name of each kind, and one page too long.

    static final Canvas PATHWAY = Canvas.of(REPO, "pathway-service");

    static final String TRUE_CANVAS = String.join("\n",
            "# pathway-service — canvas",
            "Commands go through `PathwayCommandsController`, rules in `ProgrammeRules`, relay `publishing/PathwayOutbox`.",
            "Dead letters are parked with `DeadLetterStore.park(consumer, record, reason, detail)`.",
            "Publishes `convergence.<territory>.pathway.v1`, consumes `convergence.<territory>.participant.v1`.",
            "## Store",
            "| collection | `_id` | indexes |",
            "|---|---|---|",
            "| `pathway_streams` | pathway id | unique `{_id, version}` |",
            "| `idempotency_keys` | hash | TTL `{expireAt}` |",
            "## Configuration",
            "`PATHWAY_CHAIN_KEY`, `PHC`: codes, not classes; also the collection `participant_acis`.");

    @Test
    void aTrueCanvasPasses() {
        assertThat(PATHWAY.problems(TRUE_CANVAS)).isEmpty();
    }

    @Test
    void aClassThatDoesNotExistIsFound() {
        String wrong = TRUE_CANVAS.replace("`ProgrammeRules`", "`ProgrammeRulez`")
                .replace("`publishing/PathwayOutbox`", "`web/ProblemErrorReportValve`");
        assertThat(PATHWAY.problems(wrong)).containsExactly(
                "cites class `ProgrammeRulez`, which no .java file of the repository declares",
                "cites class `ProblemErrorReportValve`, which no .java file of the repository declares");
    }

    @Test
    void aCollectionTheCodeDoesNotNameIsFound() {
        String wrong = TRUE_CANVAS.replace("| `pathway_streams` |", "| `pathway_stream` |")
                .replace("collection `participant_acis`", "collection `audit_log`");
        assertThat(PATHWAY.problems(wrong)).containsExactly(
                "cites collection `pathway_stream`, which is no string literal of the module's main code",
                "cites collection `audit_log`, which is no string literal of the module's main code");
    }

    @Test
    void aCollectionOfAnotherServiceIsFound() {
        String wrong = TRUE_CANVAS.replace("| `idempotency_keys` |", "| `need_queue` |");
        assertThat(PATHWAY.problems(wrong))
                .containsExactly("cites collection `need_queue`, which is no string literal of the module's main code");
    }

    @Test
    void aTopicTheCodeDoesNotUseIsFound() {
        String wrong = TRUE_CANVAS.replace("consumes `convergence.<territory>.participant.v1`",
                "consumes `convergence.<territory>.partnership.v1` and `convergence.<territory>.pathway.v2`");
        assertThat(PATHWAY.problems(wrong)).hasSize(2)
                .allMatch(p -> p.contains("but the module's code uses only [participant.v1, pathway.v1]"));
    }

    @Test
    void aTopicOfAnotherShapeIsFound() {
        String wrong = TRUE_CANVAS.replace("`convergence.<territory>.pathway.v1`", "`convergence.<territory>.pathway`");
        assertThat(PATHWAY.problems(wrong)).containsExactly(
                "cites topic `convergence.<territory>.pathway`, which is not of the shape convergence.<territory>.<stream>.v<n>");
    }

    @Test
    void aPlaceholderCollectionNeedsItsFixedParts() {
        Canvas reporting = Canvas.of(REPO, "reporting-service");
        String store = "## Store\n| collection | x |\n|---|---|\n";
        assertThat(reporting.problems(store + "| `g<n>_cells` | y |")).isEmpty();
        assertThat(reporting.problems(store + "| `g<n>_cellz` | y |")).containsExactly(
                "cites collection `g<n>_cellz`, which is no string literal of the module's main code");
    }

    @Test
    void aCollectionTheCodeOpensAndTheCanvasOmitsIsFound() {
        assertThat(PATHWAY.collectionsNotListed(TRUE_CANVAS)).contains(
                "does not list collection `pathway_open_claims`, which the module's main code opens");
        Canvas reporting = Canvas.of(REPO, "reporting-service");
        assertThat(Canvas.collectionsOpened(List.of("class A { static final String META = \"reporting_meta\"; "
                + "A(MongoDatabase db) { db.getCollection(META); db.getCollection(\"frozen_reports\"); } }")))
                .containsExactly("frozen_reports", "reporting_meta");
        assertThat(reporting.collectionsNotListed("## Store\n| `reporting_meta` | x |"))
                .contains("does not list collection `frozen_reports`, which the module's main code opens")
                .noneMatch(p -> p.contains("`reporting_meta`"));
    }

    @Test
    void morethanAPageIsFound() {
        String longer = TRUE_CANVAS + "\nmore".repeat(Canvas.MAX_LINES);
        assertThat(PATHWAY.problems(longer)).containsExactly("has 81 lines, more than a page (70)");
    }
}
