package fr.convergence.testing.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source tree these checks read: the repository root, found from the working directory (Maven runs a module's
 * tests in that module, an IDE may run them at the root), and its hand-written Java, never what a build generated.
 */
final class Repository {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private final Path root;

    private Repository(Path root) {
        this.root = root;
    }

    static Repository find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("service-kit"))) {
                return new Repository(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    Path root() {
        return root;
    }

    Path module(String name) {
        return root.resolve(name);
    }

    /** Every .java file of the repository, tests included, outside build output and installed packages. */
    List<Path> allJava() {
        return javaUnder(root);
    }

    /** The .java files of a module's main code. */
    List<Path> mainJava(String module) {
        Path main = root.resolve(module).resolve("src/main/java");
        return Files.isDirectory(main) ? javaUnder(main) : List.of();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contents of the string literals of a piece of Java (escapes left as written). */
    static List<String> stringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        Matcher m = STRING_LITERAL.matcher(java);
        while (m.find()) {
            literals.add(m.group(1));
        }
        return literals;
    }

    private static List<Path> javaUnder(Path dir) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    boolean skipped = !d.equals(dir)
                            && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.toString().endsWith(".java")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }
}
