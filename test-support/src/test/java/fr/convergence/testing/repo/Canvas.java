package fr.convergence.testing.repo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's README read as its canvas: one page, and every name it cites in backticks true of the code.
 * <ul>
 *   <li>a class — a backticked UpperCamelCase identifier, optionally behind a package path ({@code web/Labels},
 *   {@code indicators.Labels}) or before a member ({@code DeadLetterStore.park(…)}) — exists as a .java file
 *   somewhere in the repository;</li>
 *   <li>a collection — the first cell of a row of the "## Store" table, or a name written "collection `x`" — is a
 *   string literal of the module's main code (or of service-kit's, which owns the shared collections, when the
 *   module depends on it); a placeholder such as {@code g<n>_cells} needs its fixed parts: a literal starting with
 *   the part before it and one ending with the part after it;</li>
 *   <li>a topic — a backticked {@code convergence.<territory>.<stream>.v<n>} — names a stream and major version that
 *   the same code builds with {@code Topics} or writes as a literal.</li>
 * </ul>
 * All-capital codes (PHC, {@code TERRITORY}) and framework names written without backticks are not checked: a canvas
 * backticks our names only. The other way round, every collection the module's own main code opens by a fixed name
 * ({@code getCollection("x")}, or a constant holding it) must be in the canvas: an undocumented collection is drift
 * too. Names built at run time (reporting's generations) are the canvas's to describe with a placeholder.
 */
final class Canvas {

    static final int MAX_LINES = 70;

    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern CLASS_CITED = Pattern.compile(
            "(?:[a-z][a-z0-9]*[./])*([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:[.#][a-z][A-Za-z0-9]*(?:\\(.*\\))?)?");
    private static final Pattern COLLECTION_IN_TEXT = Pattern.compile("collections? `([^`\\n]+)`");
    private static final Pattern TOPIC = Pattern.compile("convergence\\.(?:<[a-z]+>|[a-z0-9-]+)\\.([a-z-]+)\\.v(\\d+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]+>");
    private static final Pattern TOPICS_NAMED = Pattern.compile("Topics\\.(pathway|participant|partnership)\\(");
    private static final Pattern TOPICS_BUILT = Pattern.compile(
            "Topics\\.(?:allTerritories\\(|of\\([^,()]+,)\\s*\"([a-z-]+)\"\\s*,\\s*(\\d+)\\s*\\)");
    private static final Pattern OPENED_BY_LITERAL = Pattern.compile("getCollection\\(\\s*\"([A-Za-z0-9_.-]+)\"\\s*\\)");
    private static final Pattern OPENED_BY_CONSTANT = Pattern.compile("getCollection\\(\\s*(?:\\w+\\.)?([A-Z][A-Z0-9_]*)\\s*\\)");
    private static final Pattern TOPIC_LITERAL = Pattern.compile("convergence\\\\*\\.[^\"]*?\\\\*\\.([a-z-]+)\\\\*\\.v(\\d+)");

    private final Set<String> javaClasses;
    private final Set<String> literals;
    private final Set<String> topics;
    private final Set<String> opened;

    /**
     * What the code says: the repository's class names; the literals and topics of the code a module runs (its main
     * code and the kit's); the collections its own main code opens by a fixed name.
     */
    Canvas(Set<String> javaClasses, List<String> mainCode, List<String> ownCode) {
        this.javaClasses = javaClasses;
        this.opened = collectionsOpened(ownCode);
        this.literals = new HashSet<>();
        this.topics = new HashSet<>();
        for (String java : mainCode) {
            List<String> found = Repository.stringLiterals(java);
            literals.addAll(found);
            Matcher named = TOPICS_NAMED.matcher(java);
            while (named.find()) {
                topics.add(named.group(1) + ".v1");
            }
            Matcher built = TOPICS_BUILT.matcher(java);
            while (built.find()) {
                topics.add(built.group(1) + ".v" + built.group(2));
            }
            for (String literal : found) {
                Matcher m = TOPIC_LITERAL.matcher(literal);
                if (m.matches()) {
                    topics.add(m.group(1) + ".v" + m.group(2));
                }
            }
        }
    }

    static Canvas of(Repository repo, String module) {
        Set<String> classes = new HashSet<>();
        for (Path file : repo.allJava()) {
            String name = file.getFileName().toString();
            classes.add(name.substring(0, name.length() - ".java".length()));
        }
        List<String> own = repo.mainJava(module).stream().map(Repository::read).toList();
        List<String> code = new ArrayList<>(own);
        String pom = Repository.read(repo.module(module).resolve("pom.xml"));
        if (!module.equals("service-kit") && pom.contains("<artifactId>service-kit</artifactId>")) {
            repo.mainJava("service-kit").stream().map(Repository::read).forEach(code::add);
        }
        return new Canvas(classes, code, own);
    }

    /** The collections this code opens by a fixed name: a literal, or a constant initialised with one. */
    static Set<String> collectionsOpened(List<String> code) {
        Set<String> opened = new java.util.TreeSet<>();
        Set<String> constants = new HashSet<>();
        for (String java : code) {
            Matcher literal = OPENED_BY_LITERAL.matcher(java);
            while (literal.find()) {
                opened.add(literal.group(1));
            }
            Matcher constant = OPENED_BY_CONSTANT.matcher(java);
            while (constant.find()) {
                constants.add(constant.group(1));
            }
        }
        for (String name : constants) {
            Pattern init = Pattern.compile("\\b" + name + "\\s*=\\s*\"([A-Za-z0-9_.-]+)\"\\s*;");
            for (String java : code) {
                Matcher m = init.matcher(java);
                while (m.find()) {
                    opened.add(m.group(1));
                }
            }
        }
        return opened;
    }

    /** The collections the module's own code opens by name and the canvas does not list. */
    List<String> collectionsNotListed(String readme) {
        Set<String> listed = collectionsCited(readme);
        return opened.stream().filter(c -> !listed.contains(c))
                .map(c -> "does not list collection `" + c + "`, which the module's main code opens").toList();
    }

    /** Every way the text is not a true canvas of this code; empty when it is one. */
    List<String> problems(String readme) {
        List<String> problems = new ArrayList<>();
        long lines = readme.lines().count();
        if (lines > MAX_LINES) {
            problems.add("has " + lines + " lines, more than a page (" + MAX_LINES + ")");
        }
        for (String cls : classesCited(readme)) {
            if (!javaClasses.contains(cls)) {
                problems.add("cites class `" + cls + "`, which no .java file of the repository declares");
            }
        }
        for (String collection : collectionsCited(readme)) {
            if (!collectionInCode(collection)) {
                problems.add("cites collection `" + collection + "`, which is no string literal of the module's main code");
            }
        }
        for (String topic : topicsCited(readme)) {
            Matcher m = TOPIC.matcher(topic);
            if (!m.matches()) {
                problems.add("cites topic `" + topic + "`, which is not of the shape convergence.<territory>.<stream>.v<n>");
            } else if (!topics.contains(m.group(1) + ".v" + m.group(2))) {
                problems.add("cites topic `" + topic + "`, but the module's code uses only " + new java.util.TreeSet<>(topics));
            }
        }
        return problems;
    }

    static Set<String> classesCited(String readme) {
        Set<String> classes = new LinkedHashSet<>();
        Matcher m = BACKTICKED.matcher(readme);
        while (m.find()) {
            Matcher cls = CLASS_CITED.matcher(m.group(1).trim());
            if (cls.matches()) {
                classes.add(cls.group(1));
            }
        }
        return classes;
    }

    static Set<String> collectionsCited(String readme) {
        Set<String> collections = new LinkedHashSet<>();
        boolean inStore = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("#")) {
                inStore = line.startsWith("## Store");
            } else if (inStore && line.startsWith("|") && !line.startsWith("|---")) {
                String firstCell = line.substring(1).split("(?<!\\\\)\\|", 2)[0];
                Matcher names = BACKTICKED.matcher(firstCell);
                while (names.find()) {
                    collections.add(names.group(1));
                }
            }
            Matcher inText = COLLECTION_IN_TEXT.matcher(line);
            while (inText.find()) {
                collections.add(inText.group(1));
            }
        }
        return collections;
    }

    static Set<String> topicsCited(String readme) {
        Set<String> cited = new LinkedHashSet<>();
        Matcher m = BACKTICKED.matcher(readme);
        while (m.find()) {
            String span = m.group(1).trim();
            boolean topicLike = span.startsWith("convergence.")
                    && (span.startsWith("convergence.<") || span.matches(".*\\.v\\d+"));
            if (topicLike) {
                cited.add(span);
            }
        }
        return cited;
    }

    private boolean collectionInCode(String collection) {
        if (!PLACEHOLDER.matcher(collection).find()) {
            return literals.contains(collection);
        }
        String[] parts = PLACEHOLDER.split(collection, -1);
        String first = parts[0];
        String last = parts[parts.length - 1];
        boolean starts = first.isEmpty() || literals.stream().anyMatch(l -> l.startsWith(first));
        boolean ends = last.isEmpty() || literals.stream().anyMatch(l -> l.endsWith(last));
        return starts && ends;
    }

    static boolean isModuleWithCanvas(Path dir) {
        return Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve("src/main/java"));
    }
}
